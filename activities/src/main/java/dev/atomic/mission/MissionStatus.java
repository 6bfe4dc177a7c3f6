package dev.atomic.mission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.atomic.platform.WireEnum;

/** Status of a whole mission. */
public enum MissionStatus {
  PLANNING,
  AWAITING_APPROVAL,
  EXECUTING,
  VERIFYING,
  FINALIZING,
  COMPLETED,
  REJECTED,
  FAILED,
  EXPIRED,
  CANCELLED;

  /** True for the statuses a mission never leaves. */
  public boolean isFinished() {
    return switch (this) {
      case COMPLETED, REJECTED, FAILED, EXPIRED, CANCELLED -> true;
      default -> false;
    };
  }

  @JsonValue
  public String wire() {
    return WireEnum.wire(this);
  }

  @JsonCreator
  public static MissionStatus parse(String text) {
    return WireEnum.parse(MissionStatus.class, "status", text);
  }
}
