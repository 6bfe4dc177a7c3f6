package dev.atomic.finops;

import dev.atomic.platform.WireEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;

/** How often a budget starts afresh; periods are named in UTC. */
public enum ResetPeriod {
  MONTHLY,
  WEEKLY,
  DAILY,
  NONE;

  /**
   * The period {@code at} falls in: {@code 2026-11}, {@code 2026-W48}, {@code 2026-11-28} or {@code
   * all}.
   */
  public String periodOf(Instant at) {
    LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
    return switch (this) {
      case MONTHLY -> String.format("%04d-%02d", day.getYear(), day.getMonthValue());
      case WEEKLY ->
          String.format(
              "%04d-W%02d",
              day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case DAILY -> day.toString();
      case NONE -> "all";
    };
  }

  public String wire() {
    return WireEnum.wire(this);
  }

  public static ResetPeriod parse(String text) {
    return WireEnum.parse(ResetPeriod.class, "reset", text);
  }
}
