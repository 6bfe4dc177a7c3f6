package com.acme.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.auth.Auth;
import com.acme.model.User;
import com.acme.model.UserId;
import org.junit.jupiter.api.Test;

class LoginControllerTest {

  @Test
  void welcomesAKnownUserAndRefusesOthers() {
    Auth auth = new Auth();
    auth.register(new User(UserId.of("u-9"), "grace@example.com", "Grace"), "pw");
    LoginController controller = new LoginController(auth);

    assertEquals("welcome u-9", controller.handle("grace@example.com", "pw"));
    assertEquals("invalid credentials", controller.handle("grace@example.com", "nope"));
  }
}
