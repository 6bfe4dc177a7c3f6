package com.acme.model;

/** A registered user. */
public record User(UserId id, String email, String displayName) {

  public boolean isNamed(String name) {
    return displayName != null && displayName.equalsIgnoreCase(name);
  }
}
