package dev.atomic.api.security;

import dev.atomic.identity.Role;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who makes a request: the principal of its credential and the roles it holds.
 *
 * @param local the loopback user of the embedded default, who may name an actor in the body or the
 *     {@code X-Atomic-Actor} header; nobody else can
 * @param via how the caller authenticated: {@code api-key}, {@code jwt} or {@code loopback}
 */
public record Caller(String name, Set<Role> roles, boolean local, String via) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /**
   * The actor to record for a decision: the authenticated principal, or, for the loopback user
   * only, the first of {@code claimed} that is not blank.
   */
  public String actor(String... claimed) {
    if (local) {
      for (String candidate : claimed) {
        if (candidate != null && !candidate.isBlank()) {
          return candidate;
        }
      }
    }
    return name;
  }

  /** The caller of the current request; the security filters guarantee there is one. */
  public static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof CallerAuthentication caller) {
      return caller.caller();
    }
    throw new IllegalStateException("no authenticated caller for this request");
  }
}
