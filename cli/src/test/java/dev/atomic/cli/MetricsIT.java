package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.TestPlatform.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runbook's key metrics on {@code /actuator/prometheus}, scraped before and after a governed
 * mission with a human at every checkpoint, a rollback, a failed and a passed verification, a
 * preflight with a secret and a refused DTE job: each named series moved by what happened.
 */
@Timeout(600)
class MetricsIT {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})? (\\S+)$");

  private final TestPlatform platform = TestPlatform.shared();

  /** One scrape: every sample as name, labels and value. */
  record Scrape(List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {}

    static Scrape of(String text) {
      List<Sample> samples = new ArrayList<>();
      for (String line : text.split("\n")) {
        Matcher m = SAMPLE.matcher(line);
        if (!line.startsWith("#") && m.matches()) {
          Map<String, String> labels = new java.util.TreeMap<>();
          if (m.group(3) != null) {
            Matcher label =
                Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m.group(3));
            while (label.find()) {
              labels.put(label.group(1), label.group(2));
            }
          }
          samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
      }
      return new Scrape(samples);
    }

    /** The sum of a metric's samples whose labels include {@code labels} (name=value pairs). */
    double sum(String name, String... labels) {
      return samples.stream()
          .filter(s -> s.name().equals(name))
          .filter(
              s -> {
                for (int i = 0; i < labels.length; i += 2) {
                  if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                  }
                }
                return true;
              })
          .mapToDouble(Sample::value)
          .sum();
    }

    boolean has(String name) {
      return samples.stream().anyMatch(s -> s.name().equals(name));
    }
  }

  private Scrape scrape() {
    Response response = platform.get("/actuator/prometheus");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return Scrape.of(response.body());
  }

  private JsonNode awaitCheckpoint(String id, String name, String status) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    JsonNode mission = null;
    while (System.nanoTime() < deadline) {
      mission = platform.get("/missions/" + id).json();
      for (JsonNode c : mission.get("checkpoints")) {
        if (name.equals(c.get("name").asText()) && status.equals(c.get("status").asText())) {
          return mission;
        }
      }
      TestPlatform.sleep(Duration.ofMillis(200));
    }
    throw new AssertionError(id + ": " + name + " never became " + status + ": " + mission);
  }

  private void decide(String id, String checkpoint, String body) {
    Response decided =
        platform.postJson("/missions/" + id + "/checkpoints/" + checkpoint + "/approve", body);
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
  }

  @Test
  void aGovernedMissionMovesEveryKeyMetric() throws Exception {
    Scrape before = scrape();

    Response preflight =
        platform.postJson(
            "/gateway/preflight",
            "{\"content\": \"key AKIAZ3MQ4XR7TB2NVW5P and mail jane.doe@example.com\"}");
    assertThat(preflight.status()).as(preflight.body()).isEqualTo(200);
    Response refusedJob =
        platform.postJson(
            "/dte/apply",
            "{\"spec\": {\"id\":\"CS-2\",\"intent\":\"x\",\"scope\":[\"src\"],\"language\":\"typescript\","
                + "\"patches\":[{\"astOp\":\"renameSymbol\",\"selector\":\"Identifier[name='A']\","
                + "\"details\":{\"newName\":\"B\"}}]}, \"workingDir\": \""
                + Files.createDirectories(platform.home.resolve("work").resolve("metrics-ts"))
                + "\"}");
    assertThat(refusedJob.status()).as(refusedJob.body()).isEqualTo(422);

    String id =
        platform.createGovernedMission(platform.billingOrigin("metrics"), "Metrics", "medium");

    awaitCheckpoint(id, "plan", "awaiting_approval");
    Scrape waiting = scrape();
    assertThat(waiting.sum("atomic_missions_active", "status", "awaiting_approval"))
        .isGreaterThanOrEqualTo(1);
    decide(id, "plan", "{\"actor\":\"bob\"}");
    awaitCheckpoint(id, "finalize", "awaiting_approval");
    // batch-1 alone: Invoice calls MoneyUtils.format again, so verify fails and waits for bob
    Response rollback =
        platform.postJson(
            "/missions/" + id + "/rollback/batch-1", "{\"actor\":\"bob\",\"reason\":\"review\"}");
    assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
    awaitCheckpoint(id, "verify", "awaiting_approval");
    decide(id, "verify", "{\"actor\":\"bob\",\"comment\":\"Invoice keeps the old call\"}");
    awaitCheckpoint(id, "finalize", "awaiting_approval");
    decide(id, "finalize", "{\"actor\":\"carol\"}");
    awaitCheckpoint(id, "finalize", "approved");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!platform.get("/missions/" + id).json().get("status").asText().equals("completed")) {
      assertThat(System.nanoTime()).as("mission completes").isLessThan(deadline);
      TestPlatform.sleep(Duration.ofMillis(200));
    }
    Response exported = platform.postJson("/evidence/export", "{\"missionId\":\"" + id + "\"}");
    assertThat(exported.status()).isEqualTo(200);

    Scrape after = scrape();
    // gateway
    assertThat(delta(before, after, "atomic_gateway_requests_total", "route", "api"))
        .isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "atomic_gateway_preflight_seconds_count", "route", "api"))
        .isGreaterThanOrEqualTo(1);
    assertThat(after.has("atomic_gateway_preflight_seconds_bucket")).isTrue();
    assertThat(after.sum("atomic_gateway_preflight_seconds_bucket", "route", "api", "le", "0.08"))
        .as("the runbook's 80 ms target is a bucket bound")
        .isPositive();
    assertThat(delta(before, after, "atomic_gateway_redactions_total", "type", "secret"))
        .isGreaterThanOrEqualTo(1);
    for (JsonNode redaction : preflight.json().get("redactions")) {
      String type = redaction.get("type").asText();
      assertThat(delta(before, after, "atomic_gateway_redactions_total", "type", type))
          .as(type)
          .isGreaterThanOrEqualTo(1);
    }
    assertThat(
            delta(
                before,
                after,
                "atomic_gateway_policy_violations_total",
                "rule",
                "sensitive_data_detected"))
        .isGreaterThanOrEqualTo(1);
    // orchestrator: plan, verify and finalize each waited for a human
    assertThat(delta(before, after, "atomic_mission_checkpoint_decision_seconds_count"))
        .isGreaterThanOrEqualTo(3);
    assertThat(
            delta(
                before,
                after,
                "atomic_mission_checkpoint_decision_seconds_count",
                "checkpoint",
                "verify",
                "verdict",
                "approved"))
        .isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "atomic_mission_checkpoint_decision_seconds_sum")).isPositive();
    assertThat(delta(before, after, "atomic_mission_rollbacks_total")).isGreaterThanOrEqualTo(1);
    assertThat(after.has("atomic_missions_active")).isTrue();
    // DTE
    assertThat(delta(before, after, "atomic_verification_runs_total", "outcome", "passed"))
        .isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "atomic_verification_runs_total", "outcome", "failed"))
        .isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "atomic_verification_mutation_score_ratio_count"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            delta(before, after, "atomic_dte_transformation_errors_total", "kind", "unsupported"))
        .isGreaterThanOrEqualTo(1);
    // FinOps: the mission's reservation was committed when it ended
    assertThat(delta(before, after, "atomic_finops_mission_cost_usd_count"))
        .isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "atomic_finops_forecast_ratio_count"))
        .isGreaterThanOrEqualTo(1);
    assertThat(after.has("atomic_finops_spend_usd_total")).isTrue();
    // evidence
    assertThat(delta(before, after, "atomic_evidence_events_total", "source", "workflow"))
        .isGreaterThanOrEqualTo(10);
    assertThat(delta(before, after, "atomic_evidence_exports_total", "trigger", "mission"))
        .isGreaterThanOrEqualTo(1);
    assertThat(delta(before, after, "atomic_evidence_exports_total", "trigger", "api"))
        .isGreaterThanOrEqualTo(1);
    assertThat(after.sum("atomic_evidence_storage_bytes")).isPositive();
    // the Temporal SDK's worker and client metrics, on the same endpoint
    assertThat(after.sum("temporal_worker_task_slots_available")).isPositive();
    assertThat(after.sum("temporal_request_total")).isPositive();
    assertThat(after.has("temporal_request_latency_seconds_bucket")).isTrue();
    assertThat(after.sum("temporal_worker_task_slots_available", "task_queue", "atomic-dte"))
        .isPositive();

    // the shipped dashboard and alert rules read only series that exist
    for (Path file :
        List.of(
            DOCS.resolve("grafana/atomic-overview.json"),
            DOCS.resolve("prometheus/atomic-alerts.yml"))) {
      Matcher names = METRIC_NAME.matcher(Files.readString(file));
      List<String> missing = new ArrayList<>();
      while (names.find()) {
        if (!after.has(names.group())) {
          missing.add(names.group());
        }
      }
      assertThat(missing).as(file.toString()).isEmpty();
    }
  }

  private static final Path DOCS = Path.of("..", "docs").toAbsolutePath().normalize();
  private static final Pattern METRIC_NAME = Pattern.compile("\\b(atomic|temporal)_[a-z0-9_]+");

  private static double delta(Scrape before, Scrape after, String name, String... labels) {
    return after.sum(name, labels) - before.sum(name, labels);
  }
}
