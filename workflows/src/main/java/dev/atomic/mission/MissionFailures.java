package dev.atomic.mission;

import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/**
 * Why a mission refused a request; the API maps each kind to an HTTP status. A refusal reaches the
 * client as an {@link ApplicationFailure} whose type is one of the constants below, both when an
 * update validator rejects it (the SDK names the thrown exception's class) and when the workflow
 * refuses it later (the failure carries the same name).
 */
public final class MissionFailures {

  /** The request does not fit the mission's current state (HTTP 409). */
  public static final String WRONG_STATE = WrongState.class.getName();

  /** The named checkpoint or batch does not exist (HTTP 404). */
  public static final String NOT_FOUND = NotFound.class.getName();

  /** The caller may not make this decision, e.g. approving their own high-risk plan (403). */
  public static final String FORBIDDEN = Forbidden.class.getName();

  private MissionFailures() {}

  /** A refusal: thrown by validators, turned into a failure by handlers. */
  public abstract static class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }

    ApplicationFailure toFailure() {
      return ApplicationFailure.newNonRetryableFailure(getMessage(), getClass().getName());
    }
  }

  /** See {@link #WRONG_STATE}. */
  public static final class WrongState extends Refusal {
    private static final long serialVersionUID = 1L;

    WrongState(String message) {
      super(message);
    }
  }

  /** See {@link #NOT_FOUND}. */
  public static final class NotFound extends Refusal {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message);
    }
  }

  /** See {@link #FORBIDDEN}. */
  public static final class Forbidden extends Refusal {
    private static final long serialVersionUID = 1L;

    Forbidden(String message) {
      super(message);
    }
  }

  static Refusal wrongState(String message) {
    return new WrongState(message);
  }

  static Refusal notFound(String message) {
    return new NotFound(message);
  }

  static Refusal forbidden(String message) {
    return new Forbidden(message);
  }

  /** The mission refusal inside what a client caught, searched along the cause chain. */
  public static Optional<ApplicationFailure> find(Throwable caught) {
    for (Throwable t = caught; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure failure
          && (WRONG_STATE.equals(failure.getType())
              || NOT_FOUND.equals(failure.getType())
              || FORBIDDEN.equals(failure.getType()))) {
        return Optional.of(failure);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * The reason a mission activity gave for refusing data no store can keep ({@link
   * MissionActivities#UNSTORABLE}), or null when the failure is another one.
   */
  static String unstorable(io.temporal.failure.ActivityFailure failure) {
    return failure.getCause() instanceof io.temporal.failure.ApplicationFailure app
            && MissionActivities.UNSTORABLE.equals(app.getType())
        ? app.getOriginalMessage()
        : null;
  }
}
