package dev.atomic.mission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.atomic.platform.WireEnum;

/** The four checkpoints of a mission, in order, with the role that acts at each. */
public enum CheckpointName {
  PLAN("human"),
  EXECUTE("agent"),
  VERIFY("agent"),
  FINALIZE("human");

  private final String actor;

  CheckpointName(String actor) {
    this.actor = actor;
  }

  /** The role that acts at this checkpoint: {@code human}, {@code agent} or {@code both}. */
  public String actor() {
    return actor;
  }

  @JsonValue
  public String wire() {
    return WireEnum.wire(this);
  }

  @JsonCreator
  public static CheckpointName parse(String text) {
    return WireEnum.parse(CheckpointName.class, "checkpoint", text);
  }
}
