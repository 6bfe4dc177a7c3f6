package dev.atomic.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.gateway.RedactionEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusBenchTest {

  // Surefire runs in the module directory (activities/); the corpus lives beside the worktree.
  private static final Path DEV_CORPUS =
      Path.of("..", "..", "shared", "corpora", "redaction-dev.jsonl");

  @Test
  void meetsThePrecisionAndRecallGoalOnTheDevelopmentCorpus() throws IOException {
    assumeThat(Files.isRegularFile(DEV_CORPUS))
        .as("development corpus at " + DEV_CORPUS.toAbsolutePath())
        .isTrue();

    CorpusBench.Report report = new CorpusBench(new RedactionEngine()).run(DEV_CORPUS, 0, 1, null);

    assertThat(report.lines()).isEqualTo(3000);
    for (String kind : List.of("secret", "pii")) {
      CorpusScore.KindCounts k = report.score().byKind().get(kind);
      assertThat(k.precision()).as(kind + " precision").isGreaterThanOrEqualTo(0.97);
      assertThat(k.recall()).as(kind + " recall").isGreaterThanOrEqualTo(0.97);
    }
  }

  @Test
  void scoresByTheCorpusRule() {
    CorpusScore score = new CorpusScore();
    List<CorpusScore.Span> gold =
        List.of(
            new CorpusScore.Span(0, 10, "secret", "generic_secret"),
            new CorpusScore.Span(20, 30, "pii", "email"));
    // Half of the secret is covered (found); the e-mail is predicted as a secret (still found,
    // and a true positive for the secret kind); one prediction touches nothing.
    List<CorpusScore.Span> predicted =
        List.of(
            new CorpusScore.Span(5, 12, "secret", "x"),
            new CorpusScore.Span(18, 32, "secret", "y"),
            new CorpusScore.Span(40, 45, "pii", "z"));

    score.add(gold, predicted);

    assertThat(score.byKind().get("secret")).isEqualTo(new CorpusScore.KindCounts(2, 2, 1, 1));
    assertThat(score.byKind().get("pii")).isEqualTo(new CorpusScore.KindCounts(1, 0, 1, 1));
    assertThat(score.byKind().get("pii").precision()).isZero();
    assertThat(score.byGoldType().get("email").recall()).isEqualTo(1.0);
  }

  @Test
  void writesOnePredictionLinePerInputLine(@TempDir Path dir) throws IOException {
    Path corpus = dir.resolve("c.jsonl");
    String key = "AKIA" + "EQOZP3UBNIMVSWXP";
    Files.writeString(
        corpus,
        "{\"text\": \"id="
            + key
            + "\", \"spans\": [{\"start\": 3, \"end\": 23, \"kind\": \"secret\","
            + " \"type\": \"aws_access_key\"}]}\n{\"text\": \"nothing here\", \"spans\": []}\n");
    Path predictions = dir.resolve("p.jsonl");

    CorpusBench.Report report =
        new CorpusBench(new RedactionEngine()).run(corpus, 0, 2, predictions);

    List<String> lines = Files.readAllLines(predictions);
    assertThat(lines).hasSize(2);
    JsonNode span = new ObjectMapper().readTree(lines.get(0)).get("spans").get(0);
    assertThat(span.get("start").asInt()).isEqualTo(3);
    assertThat(span.get("end").asInt()).isEqualTo(23);
    assertThat(span.get("kind").asText()).isEqualTo("secret");
    assertThat(span.get("type").asText()).isEqualTo("aws_access_key");
    assertThat(new ObjectMapper().readTree(lines.get(1)).get("spans")).isEmpty();
    assertThat(report.seconds()).hasSize(2);
    assertThat(report.bytes()).isEqualTo(35);
  }
}
