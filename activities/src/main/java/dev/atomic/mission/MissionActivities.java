package dev.atomic.mission;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Persists what a mission workflow decided. */
@ActivityInterface
public interface MissionActivities {

  /**
   * Appends the transition's evidence events and stores the mission snapshot in one transaction.
   * Idempotent: event ids and the version make a retry write nothing twice. When an event written
   * outside the workflow holds the position of one of the transition's events, nothing is written
   * and the outcome names the next free position.
   */
  @ActivityMethod(name = "RecordMissionTransition")
  TransitionOutcome recordTransition(MissionTransition transition);
}
