package dev.atomic.api.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request's authenticated {@link Caller}, as Spring Security holds it. */
final class CallerAuthentication extends AbstractAuthenticationToken {

  private final Caller caller;

  CallerAuthentication(Caller caller) {
    super(
        caller.roles().stream()
            .map(role -> new SimpleGrantedAuthority("ROLE_" + role.wire()))
            .toList());
    this.caller = caller;
    setAuthenticated(true);
  }

  Caller caller() {
    return caller;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return caller.name();
  }

  @Override
  public String getName() {
    return caller.name();
  }
}
