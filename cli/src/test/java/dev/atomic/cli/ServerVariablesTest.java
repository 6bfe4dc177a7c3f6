package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.config.Variables;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The API's and the workers' variables reach the setting their code binds, with the documented
 * default when unset: {@code atomic-api.yml} and {@code atomic-workers.yml} resolved as a server
 * resolves them at start. What each setting then does is asserted where the code that reads it is
 * tested (ConfigurationEffectsTest names the test per variable).
 */
class ServerVariablesTest {

  @ParameterizedTest(name = "{0} sets {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ATOMIC_PORT                   | server.port                          | 9090        | 8080
          GATEWAY_PORT                  | atomic.ports.gateway                 | 4001        | 3001
          ORCHESTRATOR_PORT             | atomic.ports.orchestrator            | 4002        | 3002
          DTE_PORT                      | atomic.ports.dte                     | 4003        | 3003
          FINOPS_PORT                   | atomic.ports.finops                  | 4004        | 3004
          EVIDENCE_PORT                 | atomic.ports.evidence                | 4005        | 3005
          ATOMIC_SERVICE_PORTS_ENABLED  | atomic.ports.enabled                 | false       | true
          MAX_BODY_SIZE                 | atomic.max-body-size                 | 1024        | 67108864
          ATOMIC_APPROVAL_TIMEOUT       | atomic.missions.approval-timeout     | PT2H        | P7D
          ATOMIC_AUTO_APPROVE_LOW_RISK  | atomic.missions.auto-approve-low-risk | false      | true
          ATOMIC_MISSION_START_TIMEOUT  | atomic.missions.start-timeout        | 3s          | 10s
          ATOMIC_MISSION_UPDATE_TIMEOUT | atomic.missions.update-timeout       | 5s          | 30s
          ATOMIC_DECISION_TOKEN_TTL     | atomic.missions.decision-token-ttl   | 1m          | 5m
          ATOMIC_SIGNING_KEY_FILE       | atomic.evidence.signing-key-file     | /k/a.pem    | ''
          EVIDENCE_MAX_EVENT_BYTES      | atomic.evidence.max-event-bytes      | 2048        | 65536
          ATOMIC_AUTH                   | atomic.security.auth                 | local       | required
          ATOMIC_BOOTSTRAP_KEY_FILE     | atomic.security.bootstrap-key-file   | /k/api-key  | ''
          ATOMIC_LOCAL_USER             | atomic.security.local-user           | ops         | ''
          ATOMIC_GATEWAY_RATE_LIMIT     | atomic.security.gateway-rate-limit   | 0           | 600
          ATOMIC_JWT_ISSUER_URI         | atomic.security.jwt.issuer-uri       | https://id.example/realms/a | ''
          ATOMIC_JWT_JWK_SET_URI        | atomic.security.jwt.jwk-set-uri      | https://id.example/jwks     | ''
          ATOMIC_JWT_PUBLIC_KEY         | atomic.security.jwt.public-key       | /k/jwt.pem  | ''
          ATOMIC_JWT_AUDIENCE           | atomic.security.jwt.audience         | atomic      | ''
          ATOMIC_JWT_ROLES_CLAIM        | atomic.security.roles-claim          | groups      | roles
          ATOMIC_JWT_PRINCIPAL_CLAIM    | atomic.security.principal-claim      | email       | preferred_username
          ATOMIC_WORKERS_ENABLED        | spring.temporal.start-workers        | false       | true
          ATOMIC_WORKER_SHUTDOWN_TIMEOUT | atomic.workers.shutdown-timeout     | 45s         | 30s
          ATOMIC_DTE_ALLOWED_ROOTS      | atomic.dte.allowed-roots             | /srv/a,/srv/b | ${user.dir}
          """)
  void aVariableSetsItsPropertyAndUnsetTakesTheDocumentedDefault(
      String variable, String property, String value, String byDefault) {
    String expectedDefault =
        byDefault.equals("${user.dir}") ? System.getProperty("user.dir") : byDefault;

    assertThat(
            Variables.property(
                property, Map.of(variable, value), "atomic-api.yml", "atomic-workers.yml"))
        .isEqualTo(value);
    assertThat(Variables.property(property, Map.of(), "atomic-api.yml", "atomic-workers.yml"))
        .isEqualTo(expectedDefault);
  }
}
