package dev.atomic.finops;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** USD amounts: stored to the micro-dollar, shown without trailing zeros. */
public final class Money {

  /** Decimal places kept, as in the {@code NUMERIC(19,6)} columns. */
  public static final int SCALE = 6;

  /** The largest amount any request may name: far above any real budget, far below the column. */
  public static final BigDecimal MAX = new BigDecimal("1000000000000");

  private Money() {}

  /** {@code value} rounded half-up to {@link #SCALE} places. */
  public static BigDecimal usd(BigDecimal value) {
    return value.setScale(SCALE, RoundingMode.HALF_UP);
  }

  /** The same amount without trailing zeros and never in exponent form: 5.000000 becomes 5. */
  public static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  public static String text(BigDecimal value) {
    return plain(value).toPlainString();
  }

  /**
   * Checks an amount a caller names.
   *
   * @throws FinOpsException INVALID when it is missing, negative or absurdly large
   */
  public static BigDecimal requireAmount(String field, BigDecimal value) {
    if (value == null) {
      throw FinOpsException.invalid("'" + field + "' is required and must be a number");
    }
    if (value.signum() < 0) {
      throw FinOpsException.invalid(
          "'" + field + "' must not be negative, got " + value.toPlainString());
    }
    if (value.compareTo(MAX) > 0) {
      throw FinOpsException.invalid("'" + field + "' must be at most " + MAX.toPlainString());
    }
    return usd(value);
  }
}
