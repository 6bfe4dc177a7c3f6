package dev.atomic.finops;

import java.util.regex.Pattern;

/**
 * Whose budget: {@code global}, {@code mission:<missionId>} or {@code team:<name>}. Its evidence
 * stream is {@code budget:<scope>}.
 */
public record BudgetScope(String value) {

  public static final String GLOBAL_NAME = "global";
  public static final BudgetScope GLOBAL = new BudgetScope(GLOBAL_NAME);

  private static final Pattern MISSION = Pattern.compile("mission:(M-[A-Za-z0-9_-]{1,60})");
  private static final Pattern TEAM = Pattern.compile("team:[a-z0-9][a-z0-9._-]{0,63}");

  /**
   * Parses a scope.
   *
   * @throws FinOpsException INVALID naming the accepted forms
   */
  public static BudgetScope parse(String text) {
    String value = text == null ? "" : text.strip();
    if (value.equals(GLOBAL_NAME)
        || MISSION.matcher(value).matches()
        || TEAM.matcher(value).matches()) {
      return new BudgetScope(value);
    }
    throw FinOpsException.invalid(
        "scope must be 'global', 'mission:M-…' or 'team:<name>' (lower case, digits, '.', '_', '-'), got '"
            + text
            + "'");
  }

  public static BudgetScope mission(String missionId) {
    return parse("mission:" + missionId);
  }

  public static BudgetScope team(String team) {
    return parse("team:" + team);
  }

  public boolean isGlobal() {
    return value.equals(GLOBAL_NAME);
  }

  /** The mission of a mission budget, else null. */
  public String missionId() {
    var matcher = MISSION.matcher(value);
    return matcher.matches() ? matcher.group(1) : null;
  }

  /** Missions live once: their budgets never reset. Global and team budgets reset monthly. */
  public ResetPeriod defaultReset() {
    return missionId() != null ? ResetPeriod.NONE : ResetPeriod.MONTHLY;
  }

  /** The evidence stream of this budget's events. */
  public String stream() {
    return "budget:" + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
