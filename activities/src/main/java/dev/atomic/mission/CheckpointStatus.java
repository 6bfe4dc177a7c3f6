package dev.atomic.mission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.atomic.platform.WireEnum;

/** Status of one checkpoint of a mission. */
public enum CheckpointStatus {
  PENDING,
  RUNNING,
  AWAITING_APPROVAL,
  APPROVED,
  COMPLETED,
  REJECTED,
  FAILED;

  @JsonValue
  public String wire() {
    return WireEnum.wire(this);
  }

  @JsonCreator
  public static CheckpointStatus parse(String text) {
    return WireEnum.parse(CheckpointStatus.class, "status", text);
  }
}
