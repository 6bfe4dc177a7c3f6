package dev.atomic.finops;

/**
 * A fired alert as stored: its evidence event, and whether the webhook took it.
 *
 * @param notifiedAt when the webhook answered 2xx, or when no webhook was configured; null while
 *     delivery is pending
 * @param delivery what happened to the webhook call
 */
public record AlertRecord(
    String alertId,
    String scope,
    String period,
    int threshold,
    String eventId,
    String firedAt,
    String notifiedAt,
    String delivery) {}
