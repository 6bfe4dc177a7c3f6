package dev.atomic.mission;

/**
 * What {@link MissionActivities#recordTransition} did with a transition.
 *
 * @param recorded true when the events and the snapshot are stored (now or by an earlier attempt)
 * @param nextSeq when not recorded: the next free position of the mission's stream, because an
 *     event written outside the workflow (e.g. {@code POST /evidence/events}) took the position of
 *     the transition's first event; the workflow renumbers its events from here and records again
 */
public record TransitionOutcome(boolean recorded, long nextSeq) {

  public static TransitionOutcome stored() {
    return new TransitionOutcome(true, 0);
  }

  public static TransitionOutcome positionTaken(long nextSeq) {
    return new TransitionOutcome(false, nextSeq);
  }
}
