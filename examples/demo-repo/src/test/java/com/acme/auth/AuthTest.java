package com.acme.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.model.User;
import com.acme.model.UserId;
import org.junit.jupiter.api.Test;

class AuthTest {

  private final Auth auth = new Auth();

  AuthTest() {
    auth.register(new User(UserId.of("u-1"), "ada@example.com", "Ada"), "secret");
  }

  @Test
  void theRightPasswordOpensASession() {
    Session session = auth.login("ada@example.com", "secret").orElseThrow();
    assertEquals(UserId.of("u-1"), session.userId());
    assertEquals("token-1", session.token());
    assertEquals(1, auth.sessionsIssued());
  }

  @Test
  void aWrongPasswordOrUnknownUserOpensNothing() {
    assertTrue(auth.login("ada@example.com", "guess").isEmpty());
    assertTrue(auth.login("bob@example.com", "secret").isEmpty());
    assertEquals(0, auth.sessionsIssued());
  }
}
