package dev.atomic.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

class AtomicLogFormatTest {

  private final AtomicLogFormat format = new AtomicLogFormat(environment());
  private final Logger logger = new LoggerContext().getLogger("dev.atomic.mission.Test");

  private static StandardEnvironment environment() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new org.springframework.core.env.MapPropertySource(
                "test", Map.of("spring.application.name", "atomic-api")));
    return environment;
  }

  @Test
  void oneJsonObjectPerLineWithALowerCaseLevelTheServiceAndTheMission() throws Exception {
    LoggingEvent event =
        new LoggingEvent(
            "fqcn",
            logger,
            Level.ERROR,
            "mission {} failed",
            new IllegalStateException("boom"),
            new Object[] {"M-7"});
    event.setMDCPropertyMap(
        Map.of(
            "WorkflowId",
            "M-7",
            "ActivityType",
            "RecordMissionTransition",
            "correlationId",
            "c-42"));

    String line = format.format(event);

    assertThat(line).endsWith("\n").doesNotContain("\n{");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("error");
    assertThat(json.get("service").asText()).isEqualTo("atomic-api");
    assertThat(json.get("message").asText()).isEqualTo("mission M-7 failed");
    assertThat(json.get("missionId").asText()).isEqualTo("M-7");
    assertThat(json.get("workflowId").asText()).isEqualTo("M-7");
    assertThat(json.get("activityType").asText()).isEqualTo("RecordMissionTransition");
    assertThat(json.get("correlationId").asText()).isEqualTo("c-42");
    assertThat(json.at("/error/type").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(json.at("/error/stack").asText()).contains("boom");
  }

  @Test
  void aDteJobIsAWorkflowButNoMission() throws Exception {
    LoggingEvent event = new LoggingEvent("fqcn", logger, Level.INFO, "applied", null, null);
    event.setMDCPropertyMap(Map.of("WorkflowId", "dte-1234"));

    JsonNode json = new ObjectMapper().readTree(format.format(event));

    assertThat(json.get("level").asText()).isEqualTo("info");
    assertThat(json.get("workflowId").asText()).isEqualTo("dte-1234");
    assertThat(json.has("missionId")).isFalse();
    assertThat(json.has("error")).isFalse();
  }
}
