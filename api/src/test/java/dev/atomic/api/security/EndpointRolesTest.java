package dev.atomic.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.identity.Role;
import org.junit.jupiter.api.Test;

class EndpointRolesTest {

  @Test
  void eachEndpointGroupNeedsItsRole() {
    assertThat(EndpointRoles.of("GET", "/health").open()).isTrue();
    assertThat(EndpointRoles.of("GET", "/actuator/health/readiness").open()).isTrue();
    assertThat(EndpointRoles.of("GET", "/actuator/prometheus").role()).isEqualTo(Role.OPERATOR);
    assertThat(EndpointRoles.of("POST", "/missions").role()).isEqualTo(Role.REQUESTER);
    assertThat(EndpointRoles.of("POST", "/missions/M-1/checkpoints/plan/approve").role())
        .isEqualTo(Role.APPROVER);
    assertThat(EndpointRoles.of("POST", "/missions/M-1/checkpoints/plan/reject").role())
        .isEqualTo(Role.APPROVER);
    assertThat(EndpointRoles.of("POST", "/missions/M-1/rollback/batch-1").role())
        .isEqualTo(Role.OPERATOR);
    assertThat(EndpointRoles.of("GET", "/missions/M-1/audit-pack").role()).isEqualTo(Role.AUDITOR);
    assertThat(EndpointRoles.of("GET", "/evidence/mission/M-1/events").role())
        .isEqualTo(Role.AUDITOR);
    assertThat(EndpointRoles.of("POST", "/finops/reservations/R-1/commit").role())
        .isEqualTo(Role.REQUESTER);
    assertThat(EndpointRoles.of("PUT", "/finops/budgets/global").role()).isEqualTo(Role.OPERATOR);
    assertThat(EndpointRoles.of("DELETE", "/admin/keys/abc").role()).isEqualTo(Role.ADMIN);
    assertThat(EndpointRoles.of("POST", "/evidence/import").role()).isEqualTo(Role.ADMIN);
    assertThat(EndpointRoles.of("POST", "/evidence/events").role()).isEqualTo(Role.REQUESTER);
    assertThat(EndpointRoles.of("POST", "/gateway/preflight").role()).isEqualTo(Role.REQUESTER);
  }

  @Test
  void readsNeedOnlyACredentialAndNothingElseIsOpen() {
    EndpointRoles.Access read = EndpointRoles.of("GET", "/missions/M-1");
    assertThat(read.open()).isFalse();
    assertThat(read.role()).isNull();
    assertThat(EndpointRoles.of("GET", "/no/such/path").open()).isFalse();
    assertThat(EndpointRoles.of("POST", "/health").open()).isFalse();
    assertThat(EndpointRoles.of("GET", "/health/../admin/keys").open()).isFalse();
  }

  @Test
  void theLocalUserNeedsALoopbackListener() {
    SecuritySettings local =
        new SecuritySettings(SecuritySettings.Auth.LOCAL, null, null, null, "me", null);
    SecuritySettings required =
        new SecuritySettings(SecuritySettings.Auth.REQUIRED, null, null, null, "me", null);

    assertThatCode(() -> SecurityConfiguration.requireLoopbackForLocalUser(local, "127.0.0.1"))
        .doesNotThrowAnyException();
    assertThatCode(() -> SecurityConfiguration.requireLoopbackForLocalUser(local, "::1"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> SecurityConfiguration.requireLoopbackForLocalUser(local, ""))
        .hasMessageContaining("listens on every interface")
        .hasMessageContaining("ATOMIC_AUTH=required");
    assertThatThrownBy(() -> SecurityConfiguration.requireLoopbackForLocalUser(local, "0.0.0.0"))
        .hasMessageContaining("0.0.0.0");
    assertThatCode(() -> SecurityConfiguration.requireLoopbackForLocalUser(required, ""))
        .doesNotThrowAnyException();
  }

  @Test
  void onlyTheLoopbackUserMayNameAnActor() {
    Caller local = new Caller("me", java.util.EnumSet.allOf(Role.class), true, "loopback");
    Caller key = new Caller("ci-bot", java.util.Set.of(Role.APPROVER), false, "api-key");

    assertThat(local.actor(null, " ", "alice")).isEqualTo("alice");
    assertThat(local.actor()).isEqualTo("me");
    assertThat(key.actor("alice", "mallory")).isEqualTo("ci-bot");
  }
}
