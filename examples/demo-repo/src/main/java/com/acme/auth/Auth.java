package com.acme.auth;

import com.acme.model.User;
import com.acme.model.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Checks credentials and opens sessions. */
public class Auth {

  private final Map<String, String> passwords = new HashMap<>();
  private final Map<String, User> users = new HashMap<>();
  private int issued;

  public void register(User user, String password) {
    users.put(user.email(), user);
    passwords.put(user.email(), password);
  }

  /** Opens a session when the password matches, nothing otherwise. */
  public Optional<Session> login(String username, String password) {
    String expected = passwords.get(username);
    if (expected == null || !expected.equals(password)) {
      return Optional.empty();
    }
    UserId id = users.get(username).id();
    issued++;
    return Optional.of(new Session(id, "token-" + issued));
  }

  public int sessionsIssued() {
    return issued;
  }
}
