package dev.atomic.mission;

import io.temporal.failure.ApplicationFailure;

/** Failure types a mission workflow answers with; the API maps them to HTTP statuses. */
public final class MissionFailures {
  /** The request does not fit the mission's current state (HTTP 409). */
  public static final String WRONG_STATE = "WrongState";
  /** The named checkpoint or batch does not exist (HTTP 404). */
  public static final String NOT_FOUND = "NotFound";
  /** The caller may not make this decision, e.g. approving their own high-risk plan (403). */
  public static final String FORBIDDEN = "Forbidden";

  private MissionFailures() {}

  static ApplicationFailure wrongState(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, WRONG_STATE);
  }

  static ApplicationFailure notFound(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, NOT_FOUND);
  }

  static ApplicationFailure forbidden(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FORBIDDEN);
  }
}
