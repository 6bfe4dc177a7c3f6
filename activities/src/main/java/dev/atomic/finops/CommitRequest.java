package dev.atomic.finops;

import java.math.BigDecimal;

/** The actual spend of a reservation. */
public record CommitRequest(String reservationId, BigDecimal usd) {}
