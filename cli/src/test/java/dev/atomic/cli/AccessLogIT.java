package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.cli.TestPlatform.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Every request leaves one access line and carries a correlation id. */
class AccessLogIT {

  private final TestPlatform platform = TestPlatform.shared();

  @Test
  void aRequestIsLoggedWithMethodPathStatusLatencyAndWhoAndItsCorrelationIdIsAnswered() {
    String logs;
    Response created;
    Response refused;
    try (LogCapture capture = new LogCapture()) {
      created =
          platform.send(
              HttpRequest.newBuilder(URI.create(platform.url() + "/missions"))
                  .header("Content-Type", "application/json")
                  .header("X-Correlation-Id", "it-corr-42")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Access log\"}"))
                  .build());
      refused = platform.get("/missions/M-NOSUCH");
      logs = capture.text();
    }

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.headers().get("x-correlation-id")).containsExactly("it-corr-42");
    assertThat(refused.headers().get("x-correlation-id")).singleElement().asString().hasSize(36);
    // grep "POST /missions" over the logs, as the runbook does.
    assertThat(logs)
        .containsPattern("INFO atomic.access POST /missions 201 \\d+ ms by \\S+")
        .containsPattern("INFO atomic.access GET /missions/M-NOSUCH 404 \\d+ ms by \\S+");
  }

  @Test
  void theCorrelationIdOfTheRequestReachesTheActivitiesOfTheMissionItStarted() {
    ch.qos.logback.classic.Logger activities =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(dev.atomic.mission.MissionActivitiesImpl.class);
    ch.qos.logback.classic.Level level = activities.getLevel();
    activities.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try (LogCapture capture = new LogCapture("%X{correlationId}|%X{WorkflowId}|%logger|%msg%n")) {
      Response created =
          platform.send(
              HttpRequest.newBuilder(URI.create(platform.url() + "/missions"))
                  .header("Content-Type", "application/json")
                  .header("X-Correlation-Id", "it-corr-77")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Correlated\"}"))
                  .build());
      assertThat(created.status()).isEqualTo(201);
      String id = created.json().get("missionId").asText();
      String expected =
          "it-corr-77|"
              + id
              + "|"
              + dev.atomic.mission.MissionActivitiesImpl.class.getName()
              + "|mission "
              + id;
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
      while (!capture.text().contains(expected) && System.nanoTime() < deadline) {
        TestPlatform.sleep(java.time.Duration.ofMillis(100));
      }
      assertThat(capture.text()).contains(expected);
    } finally {
      activities.setLevel(level);
    }
  }
}
