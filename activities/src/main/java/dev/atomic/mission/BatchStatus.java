package dev.atomic.mission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.atomic.platform.WireEnum;

/** Lifecycle of a batch within the execute checkpoint. */
public enum BatchStatus {
  REGISTERED,
  PLANNED,
  APPLIED,
  ROLLED_BACK;

  @JsonValue
  public String wire() {
    return WireEnum.wire(this);
  }

  @JsonCreator
  public static BatchStatus parse(String text) {
    return WireEnum.parse(BatchStatus.class, "status", text);
  }
}
