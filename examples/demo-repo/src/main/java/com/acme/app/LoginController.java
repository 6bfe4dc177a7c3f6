package com.acme.app;

import com.acme.auth.Auth;
import com.acme.auth.Session;
import com.acme.model.UserId;
import java.util.Optional;

/** The web layer's view of signing in. */
public class LoginController {

  private final Auth auth;

  public LoginController(Auth auth) {
    this.auth = auth;
  }

  public String handle(String username, String password) {
    Optional<Session> session = auth.login(username, password);
    return session.map(s -> "welcome " + describe(s.userId())).orElse("invalid credentials");
  }

  static String describe(UserId id) {
    return id.value();
  }
}
