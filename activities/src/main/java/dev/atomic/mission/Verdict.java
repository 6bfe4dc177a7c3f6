package dev.atomic.mission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.atomic.platform.WireEnum;

/** Outcome of a human or policy decision on a checkpoint. */
public enum Verdict {
  APPROVED,
  REJECTED;

  @JsonValue
  public String wire() {
    return WireEnum.wire(this);
  }

  @JsonCreator
  public static Verdict parse(String text) {
    return WireEnum.parse(Verdict.class, "verdict", text);
  }
}
