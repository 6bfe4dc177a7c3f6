package com.acme.model;

import java.util.Objects;

/** Identifies a user account. */
public final class UserId {

  private final String value;

  public UserId(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a UserId needs a value");
    }
    this.value = value;
  }

  public static UserId of(String value) {
    return new UserId(value);
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UserId id && id.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return "UserId(" + value + ")";
  }
}
