package dev.atomic.dte.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.dte.ChangeSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationSettingsTest {

  private final VerificationSettings defaults = VerificationSettings.from(Map.of());

  @Test
  void readsTheDocumentedVariablesWithTheirDefaults() {
    assertThat(defaults.timeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.mutationTesting()).isTrue();
    assertThat(defaults.mediumThreshold()).isEqualTo(0.6);

    VerificationSettings configured =
        VerificationSettings.from(
            Map.of(
                "TEST_TIMEOUT_MS",
                "1500",
                "ENABLE_MUTATION_TESTING",
                "false",
                "MUTATION_THRESHOLD_DEFAULT",
                "0.7"));

    assertThat(configured.timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(configured.mutationTesting()).isFalse();
    assertThat(configured.mediumThreshold()).isEqualTo(0.7);
  }

  @Test
  void refusesADefaultThresholdOutsideZeroToOne() {
    assertThatThrownBy(() -> VerificationSettings.from(Map.of("MUTATION_THRESHOLD_DEFAULT", "60")))
        .hasMessage("MUTATION_THRESHOLD_DEFAULT must be between 0 and 1, not 60.0");
  }

  @Test
  void theThresholdComesFromTheSpecElseFromItsRisk() {
    assertThat(defaults.thresholdFor(spec("low", null)))
        .isEqualTo(new VerificationSettings.Threshold(0.4, "risk low"));
    assertThat(defaults.thresholdFor(spec(null, null)))
        .isEqualTo(new VerificationSettings.Threshold(0.6, "risk medium"));
    assertThat(defaults.thresholdFor(spec("high", null)))
        .isEqualTo(new VerificationSettings.Threshold(0.8, "risk high"));
    assertThat(defaults.thresholdFor(spec("low", 0.9)))
        .isEqualTo(new VerificationSettings.Threshold(0.9, "spec"));
    assertThat(defaults.thresholdFor(spec("high", 0.95)))
        .isEqualTo(new VerificationSettings.Threshold(0.95, "spec"));
  }

  @Test
  void aHighRiskSpecCannotLowerItsThresholdBelowTheFloor() {
    VerificationSettings.Threshold threshold = defaults.thresholdFor(spec("high", 0.5));

    assertThat(threshold.value()).isEqualTo(0.8);
    assertThat(threshold.source()).isEqualTo("risk high (the spec's 0.5 is below its floor)");
  }

  private static ChangeSpec spec(String risk, Double threshold) {
    return new ChangeSpec(
        "CS-T",
        "test",
        java.util.List.of("src/**"),
        "java",
        null,
        null,
        null,
        new ChangeSpec.TestPlan("augment", null, threshold),
        risk,
        null);
  }
}
