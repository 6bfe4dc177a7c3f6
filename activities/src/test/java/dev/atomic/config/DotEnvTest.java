package dev.atomic.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.dte.DteSettings;
import dev.atomic.dte.verify.VerificationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** Settings in a .env file take effect as environment variables would. */
class DotEnvTest {

  @Configuration(proxyBeanMethods = false)
  static class Nothing {}

  @Test
  void aDotEnvValueReachesTheSettingThatReadsTheVariable(@TempDir Path dir) throws Exception {
    Path env =
        Files.writeString(
            dir.resolve(".env"), "# budget for the demo\nDEFAULT_BUDGET_USD=321\nLOG_LEVEL=WARN\n");

    try (ConfigurableApplicationContext context = withDotEnv(env, dir)) {
      assertThat(context.getEnvironment().getProperty("atomic.finops.default-budget-usd"))
          .isEqualTo("321");
      assertThat(context.getEnvironment().getProperty("logging.level.root")).isEqualTo("WARN");
    }
  }

  @Test
  void theDteAndVerifySettingsOfAWorkerReadTheDotEnvFileToo(@TempDir Path dir) throws Exception {
    Path env =
        Files.writeString(
            dir.resolve(".env"),
            "DTE_WORKERS=3\nDTE_CACHE_ENABLED=true\nTEST_TIMEOUT_MS=1234\n"
                + "ENABLE_MUTATION_TESTING=false\n");

    try (ConfigurableApplicationContext context = withDotEnv(env, dir)) {
      // The worker builds its engine and verify settings from this same lookup.
      DteSettings dte = DteSettings.from(context.getEnvironment()::getProperty);
      VerificationSettings verify =
          VerificationSettings.from(context.getEnvironment()::getProperty);

      assertThat(dte.workers()).isEqualTo(3);
      assertThat(dte.parseCache()).isTrue();
      assertThat(verify.timeout()).isEqualTo(Duration.ofMillis(1234));
      assertThat(verify.mutationTesting()).isFalse();
    }
  }

  /** A process reading atomic-common.yml with {@code env} as its .env file. */
  private static ConfigurableApplicationContext withDotEnv(Path env, Path dir) {
    return new SpringApplicationBuilder(Nothing.class)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.config.name=atomic-common",
            "ATOMIC_ENV_FILE=" + env,
            "atomic.home=" + dir,
            "spring.main.banner-mode=off")
        .run();
  }
}
