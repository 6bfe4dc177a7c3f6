package dev.atomic.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreflightTest {

  private static final String TOKEN = "ghp_" + "Q8m2Xv7LpR4tK9sN3wB6yH1cJ5dF0g3GH63b";

  private final GatewayPolicy policy =
      new GatewayPolicy(
          64,
          true,
          true,
          Map.of(
              "openai",
              new GatewayPolicy.ProviderPolicy(true, GatewayPolicy.SecretMode.BLOCK),
              "cursor",
              new GatewayPolicy.ProviderPolicy(false, GatewayPolicy.SecretMode.REDACT)),
          List.of("CONFIDENTIAL"),
          List.of(),
          List.of());
  private final Preflight preflight = new Preflight(policy);

  @Test
  void redactsAndWarnsInRedactModeButRefusesInBlockMode() {
    PreflightResult redacted = preflight.check("token " + TOKEN, "copilot");
    PreflightResult blocked = preflight.check("token " + TOKEN, "openai");

    assertThat(redacted.ok()).isTrue();
    assertThat(redacted.sanitizedContent()).isEqualTo("token ***REDACTED_SECRET***");
    assertThat(redacted.violations())
        .extracting(PreflightResult.Violation::rule)
        .containsExactly("sensitive_data_detected");
    assertThat(blocked.ok()).isFalse();
    assertThat(blocked.violations())
        .extracting(PreflightResult.Violation::rule)
        .containsExactly("sensitive_data_detected", "secret_blocked");
  }

  @Test
  void refusesADisabledProviderAndOversizedContentWithoutScanningIt() {
    PreflightResult disabled = preflight.check("hello", "cursor");
    PreflightResult oversized = preflight.check("x".repeat(65) + TOKEN, "copilot");

    assertThat(disabled.ok()).isFalse();
    assertThat(disabled.violations().get(0).rule()).isEqualTo("provider_disabled");
    assertThat(oversized.ok()).isFalse();
    assertThat(oversized.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.rule()).isEqualTo("max_request_size");
              assertThat(v.message())
                  .isEqualTo("content is 105 characters; MAX_REQUEST_SIZE is 64");
            });
    assertThat(oversized.redactions()).isEmpty();
    assertThat(oversized.sanitizedContent()).isNull();
  }

  @Test
  void theActivityAnswersTheSameAndRefusesBadRequestsWithoutRetrying() {
    GatewayActivitiesImpl activities = new GatewayActivitiesImpl(preflight);

    PreflightResult result =
        activities.preflight(new PreflightRequest("CONFIDENTIAL plan", null, Map.of()));

    assertThat(result.redactions())
        .extracting(PreflightResult.RedactionView::type)
        .containsExactly("proprietary");
    assertThatThrownBy(() -> activities.preflight(new PreflightRequest("x", "gemini", null)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getType()).isEqualTo(GatewayActivitiesImpl.INVALID);
              assertThat(f.getOriginalMessage())
                  .contains("known: copilot, cursor, windsurf, openai, anthropic");
            });
  }

  @Test
  void badSettingsAreNamedAtStartUp() {
    GatewayProperties wrongMode =
        new GatewayProperties(
            100,
            true,
            true,
            Map.of("openai", new GatewayProperties.Provider(true, "drop")),
            null,
            null,
            null,
            null);
    GatewayProperties wrongPattern =
        new GatewayProperties(
            100,
            true,
            true,
            null,
            null,
            List.of(new GatewayProperties.Pattern("ticket", "secret", "(?<=x)y")),
            null,
            null);

    assertThatThrownBy(wrongMode::toPolicy)
        .hasMessage("OPENAI_SECRET_MODE must be redact or block, not 'drop'");
    assertThatThrownBy(() -> new Preflight(wrongPattern.toPolicy()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
