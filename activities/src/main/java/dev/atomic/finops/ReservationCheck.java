package dev.atomic.finops;

/**
 * Whether a reservation still covers the work it was made for.
 *
 * @param ok held, and none of its budgets is breached
 * @param reason why not, naming the budget and its figures
 */
public record ReservationCheck(boolean ok, String reason) {}
