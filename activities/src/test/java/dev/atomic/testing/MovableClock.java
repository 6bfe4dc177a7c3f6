package dev.atomic.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that tests set and move, e.g. across expiry or budget periods. */
public final class MovableClock extends Clock {

  private volatile Instant now;

  public MovableClock(String start) {
    now = Instant.parse(start);
  }

  public void set(String instant) {
    now = Instant.parse(instant);
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
