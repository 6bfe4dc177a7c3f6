package com.acme.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UserIdTest {

  @Test
  void equalValuesAreEqualIds() {
    assertEquals(UserId.of("u-1"), new UserId("u-1"));
    assertEquals(UserId.of("u-1").hashCode(), new UserId("u-1").hashCode());
    assertNotEquals(UserId.of("u-1"), UserId.of("u-2"));
  }

  @Test
  void blankValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new UserId(" "));
    assertThrows(IllegalArgumentException.class, () -> new UserId(null));
  }

  @Test
  void printsItsValue() {
    assertEquals("UserId(u-7)", UserId.of("u-7").toString());
    assertEquals("u-7", UserId.of("u-7").value());
  }
}
