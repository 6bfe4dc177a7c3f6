package dev.atomic.api.security;

import dev.atomic.identity.Role;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The role each endpoint needs (docs/security.md has the same table). Reads of missions, schemas,
 * budgets and policies need only a credential; health probes need none.
 */
final class EndpointRoles {

  /** What a request needs: nothing, any credential, or a role. */
  record Access(boolean open, Role role) {
    static final Access PUBLIC = new Access(true, null);
    static final Access AUTHENTICATED = new Access(false, null);

    static Access role(Role role) {
      return new Access(false, role);
    }
  }

  private record Rule(String methods, Pattern path, Access access) {}

  private static final String SEGMENT = "[^/]+";

  private static final List<Rule> RULES =
      List.of(
          rule("GET", "/health", Access.PUBLIC),
          rule("GET", "/actuator/health/liveness", Access.PUBLIC),
          rule("GET", "/actuator/health/readiness", Access.PUBLIC),
          // The API's contract: what every client may read before it has a credential.
          rule("GET", "/v3/api-docs(/.*)?", Access.PUBLIC),
          rule("GET", "/swagger-ui(\\.html|/.*)", Access.PUBLIC),
          rule("*", "/admin(/.*)?", Access.role(Role.ADMIN)),
          rule(
              "POST",
              "/missions/{}/checkpoints/{}/(approve|reject|decision-token)",
              Access.role(Role.APPROVER)),
          rule("POST", "/missions/{}/rollback/{}", Access.role(Role.OPERATOR)),
          rule("PUT,POST", "/finops/budgets/{}", Access.role(Role.OPERATOR)),
          rule("POST,PUT", "/finops/budget", Access.role(Role.OPERATOR)),
          rule("PUT", "/policies/models", Access.role(Role.OPERATOR)),
          rule("DELETE", "/policies/models/{}", Access.role(Role.OPERATOR)),
          rule("*", "/actuator(/.*)?", Access.role(Role.OPERATOR)),
          // A restore writes a whole chain as given: only an administrator may.
          rule("POST", "/evidence/import", Access.role(Role.ADMIN)),
          rule("GET", "/evidence/mission(/.*)?", Access.role(Role.AUDITOR)),
          rule("POST", "/evidence/export", Access.role(Role.AUDITOR)),
          rule("GET", "/missions/{}/audit-pack", Access.role(Role.AUDITOR)),
          rule("POST", "/missions", Access.role(Role.REQUESTER)),
          rule("PUT", "/missions/{}/changespec", Access.role(Role.REQUESTER)),
          rule("POST", "/missions/{}/batches", Access.role(Role.REQUESTER)),
          rule("POST", "/dte/(apply|verify)", Access.role(Role.REQUESTER)),
          rule("GET", "/dte/jobs/{}", Access.role(Role.REQUESTER)),
          rule("POST", "/gateway/(preflight|route)", Access.role(Role.REQUESTER)),
          rule("POST", "/finops/forecast", Access.role(Role.REQUESTER)),
          rule("POST", "/finops/reservations(/{}/(commit|release))?", Access.role(Role.REQUESTER)),
          rule("GET", "/finops/reservations/{}", Access.role(Role.REQUESTER)),
          rule("POST", "/evidence/events", Access.role(Role.REQUESTER)));

  private EndpointRoles() {}

  private static Rule rule(String methods, String path, Access access) {
    return new Rule(methods, Pattern.compile(path.replace("{}", SEGMENT)), access);
  }

  /** What {@code method} on {@code path} needs; any credential when no rule names it. */
  static Access of(String method, String path) {
    for (Rule rule : RULES) {
      boolean methodMatches =
          rule.methods().equals("*") || List.of(rule.methods().split(",")).contains(method);
      if (methodMatches && rule.path().matcher(path).matches()) {
        return rule.access();
      }
    }
    return Access.AUTHENTICATED;
  }
}
