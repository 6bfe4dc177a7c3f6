package dev.atomic.mission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.atomic.platform.WireEnum;

/** Risk level of a mission; it decides which approvals the mission needs. */
public enum Risk {
  LOW,
  MEDIUM,
  HIGH;

  @JsonValue
  public String wire() {
    return WireEnum.wire(this);
  }

  @JsonCreator
  public static Risk parse(String text) {
    return WireEnum.parse(Risk.class, "risk", text);
  }
}
