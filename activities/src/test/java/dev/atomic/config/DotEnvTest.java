package dev.atomic.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Nothing.class)
            .web(WebApplicationType.NONE)
            .properties(
                "spring.config.name=atomic-common",
                "ATOMIC_ENV_FILE=" + env,
                "atomic.home=" + dir,
                "spring.main.banner-mode=off")
            .run()) {
      assertThat(context.getEnvironment().getProperty("atomic.finops.default-budget-usd"))
          .isEqualTo("321");
      assertThat(context.getEnvironment().getProperty("logging.level.root")).isEqualTo("WARN");
    }
  }
}
