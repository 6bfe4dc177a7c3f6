package dev.atomic.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The variables every process reads, set as the environment would set them. */
class CommonVariablesTest {

  @Test
  void atomicHomeHoldsTheEmbeddedDatabase() {
    assertThat(Variables.property("spring.datasource.url", Map.of("ATOMIC_HOME", "/srv/atomic")))
        .isEqualTo("jdbc:h2:file:/srv/atomic/db/atomic;AUTO_SERVER=TRUE");
    assertThat(Variables.property("spring.datasource.url", Map.of()))
        .isEqualTo("jdbc:h2:file:./.atomic/db/atomic;AUTO_SERVER=TRUE");
  }

  @Test
  void temporalAddressAndNamespaceAreWhereTheClientsConnect() {
    Map<String, String> cloud =
        Map.of("TEMPORAL_ADDRESS", "acme.tmprl.cloud:7233", "TEMPORAL_NAMESPACE", "acme.prod");

    assertThat(Variables.property("spring.temporal.connection.target", cloud))
        .isEqualTo("acme.tmprl.cloud:7233");
    assertThat(Variables.property("spring.temporal.namespace", cloud)).isEqualTo("acme.prod");
    assertThat(Variables.property("spring.temporal.connection.target", Map.of()))
        .isEqualTo("127.0.0.1:7233");
    assertThat(Variables.property("spring.temporal.namespace", Map.of())).isEqualTo("default");
  }

  @Test
  void logLevelIsTheRootLevel() {
    assertThat(Variables.property("logging.level.root", Map.of("LOG_LEVEL", "DEBUG")))
        .isEqualTo("DEBUG");
    assertThat(Variables.property("logging.level.root", Map.of())).isEqualTo("INFO");
  }

  @Test
  void logFormatJsonWritesAtomicJsonLinesAndLogFileWritesThemToAFileToo() {
    StandardEnvironment json =
        environment(Map.of("LOG_FORMAT", "json", "LOG_FILE", "/var/log/a.log"));
    StandardEnvironment readable = environment(Map.of("LOG_FILE", "/var/log/a.log"));
    StandardEnvironment neither = environment(Map.of());

    assertThat(json.getProperty("logging.structured.format.console"))
        .isEqualTo(AtomicLogFormat.class.getName());
    assertThat(json.getProperty("logging.file.name")).isEqualTo("/var/log/a.log");
    assertThat(json.getProperty("logging.structured.format.file"))
        .isEqualTo(AtomicLogFormat.class.getName());
    assertThat(readable.getProperty("logging.file.name")).isEqualTo("/var/log/a.log");
    assertThat(readable.getProperty("logging.structured.format.console")).isNull();
    assertThat(neither.getProperty("logging.file.name")).isNull();
  }

  private static StandardEnvironment environment(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
    new AtomicEnvironment().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }
}
