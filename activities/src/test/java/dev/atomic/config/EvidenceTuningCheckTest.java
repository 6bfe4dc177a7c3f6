package dev.atomic.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.evidence.EvidenceTuning;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** The evidence tuning variables reach their settings, and a bad value stops the start. */
class EvidenceTuningCheckTest {

  @Configuration(proxyBeanMethods = false)
  static class Nothing {}

  @Test
  void theVariablesReachTheSettingsAndUnsetOnesKeepTheDefaults(@TempDir Path home) {
    try (ConfigurableApplicationContext context = start(home, "EVIDENCE_BATCH_SIZE=25")) {
      EvidenceTuning tuning = EvidenceTuning.from(context.getEnvironment()::getProperty);
      assertThat(tuning.batchSize()).isEqualTo(25);
      assertThat(tuning.compressionLevel()).isEqualTo(EvidenceTuning.DEFAULT_COMPRESSION_LEVEL);
    }
    try (ConfigurableApplicationContext context = start(home, "EVIDENCE_COMPRESSION_LEVEL=0")) {
      EvidenceTuning tuning = EvidenceTuning.from(context.getEnvironment()::getProperty);
      assertThat(tuning.batchSize()).isEqualTo(EvidenceTuning.DEFAULT_BATCH_SIZE);
      assertThat(tuning.compressionLevel()).isZero();
    }
  }

  @Test
  void aCompressionLevelOutOfRangeStopsTheStartNamingTheVariable(@TempDir Path home) {
    assertThatThrownBy(() -> start(home, "EVIDENCE_COMPRESSION_LEVEL=12").close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "EVIDENCE_COMPRESSION_LEVEL must be a whole number from 0 (no compression) to 9"
                + " (smallest) (got 12)");
  }

  @Test
  void aBatchSizeThatIsNoNumberStopsTheStartNamingTheVariable(@TempDir Path home) {
    assertThatThrownBy(() -> start(home, "EVIDENCE_BATCH_SIZE=lots").close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("EVIDENCE_BATCH_SIZE must be a whole number (got 'lots')");
    assertThatThrownBy(() -> start(home, "EVIDENCE_BATCH_SIZE=0").close())
        .hasMessage("EVIDENCE_BATCH_SIZE must be a whole number from 1 to 10000 (got 0)");
  }

  private static ConfigurableApplicationContext start(Path home, String setting) {
    return new SpringApplicationBuilder(Nothing.class)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.config.name=atomic-common",
            "ATOMIC_ENV_FILE=" + home.resolve("none.env"),
            "atomic.home=" + home,
            "spring.main.banner-mode=off",
            setting)
        .run();
  }
}
