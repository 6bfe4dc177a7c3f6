package dev.atomic.mission;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Persists what a mission workflow decided. */
@ActivityInterface
public interface MissionActivities {

  /**
   * Appends the transition's evidence events and stores the mission snapshot in one
   * transaction. Idempotent: event ids and the version make a retry write nothing twice.
   */
  @ActivityMethod(name = "RecordMissionTransition")
  void recordTransition(MissionTransition transition);
}
