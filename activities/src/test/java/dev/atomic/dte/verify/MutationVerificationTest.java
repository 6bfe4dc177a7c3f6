package dev.atomic.dte.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.ChangeSpecValidator;
import dev.atomic.dte.DemoRepo;
import dev.atomic.dte.DteEngine;
import dev.atomic.dte.DteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verify runs PIT on what CS-001 changed in the demo and gates on PIT's own score. */
class MutationVerificationTest {

  private static final DteEngine ENGINE = DteEngine.fromEnvironment();

  private static final VerificationSettings SETTINGS =
      VerificationSettings.from(Map.of()).withTimeout(Duration.ofMinutes(3));

  @Test
  void theScoreIsTheOnePitComputedOnTheChangedClasses(@TempDir Path dir) throws Exception {
    Path repo = DemoRepo.copyTo(dir);
    ENGINE.apply(DemoRepo.cs001(), repo);

    VerificationReport report = Verification.run(DemoRepo.cs001(), repo, SETTINGS);

    MutationReport mutation = report.mutationReport();
    assertThat(mutation.status()).as(String.valueOf(mutation.detail())).isEqualTo("completed");
    assertThat(mutation.tool()).startsWith("pit 1.");
    assertThat(mutation.targetBasis()).isEqualTo("scope");
    assertThat(mutation.targetClasses())
        .contains("com.acme.model.AccountId", "com.acme.auth.Auth")
        .noneMatch(name -> name.endsWith("Test"));
    assertThat(mutation.mutantsTotal()).isPositive().isEqualTo(mutation.details().size());
    long detected =
        mutation.details().stream()
            .filter(m -> !m.status().equals("survived") && !m.status().equals("no_coverage"))
            .count();
    assertThat(mutation.mutantsKilled()).isEqualTo((int) detected);
    assertThat(mutation.score())
        .isEqualTo((double) mutation.mutantsKilled() / mutation.mutantsTotal());
    assertThat(mutation.details())
        .allSatisfy(
            m -> {
              assertThat(m.file()).endsWith(".java");
              assertThat(m.line()).isPositive();
              assertThat(m.mutant()).isNotBlank();
              assertThat(m.status()).isIn("killed", "survived", "no_coverage", "timeout", "error");
            });
    assertThat(mutation.threshold()).isEqualTo(0.6);
    assertThat(mutation.thresholdSource()).isEqualTo("spec");
    assertThat(mutation.passed()).isEqualTo(mutation.score() >= 0.6);
    assertThat(report.metrics())
        .containsEntry("mutationScore", mutation.score())
        .containsEntry("testsRun", 6)
        .containsEntry("testsFailed", 0)
        .containsEntry("testsAdded", 0);
  }

  @Test
  void deletingATestLowersTheScoreAndFailsTheGateNamingTheSurvivors(@TempDir Path dir)
      throws Exception {
    Path full = DemoRepo.copyTo(dir.resolve("full"));
    Path reduced = DemoRepo.copyTo(dir.resolve("reduced"));
    ENGINE.apply(DemoRepo.cs001(), full);
    ENGINE.apply(DemoRepo.cs001(), reduced);
    Path authTest = reduced.resolve("src/test/java/com/acme/auth/AuthTest.java");
    String source = Files.readString(authTest);
    int start = source.indexOf("  @Test\n  void theRightPasswordOpensASession");
    int end = source.indexOf("  }\n", start) + 4;
    Files.writeString(authTest, source.substring(0, start) + source.substring(end));
    ChangeSpec strict = withThreshold(DemoRepo.cs001(), 0.0);

    MutationReport before = Verification.run(strict, full, SETTINGS).mutationReport();
    ChangeSpec gate = withThreshold(DemoRepo.cs001(), before.score());
    VerificationReport after = Verification.run(gate, reduced, SETTINGS);

    assertThat(after.tests().run()).isEqualTo(5);
    assertThat(after.mutationReport().mutantsTotal()).isEqualTo(before.mutantsTotal());
    assertThat(after.mutationReport().score()).isLessThan(before.score());
    assertThat(after.mutationReport().passed()).isFalse();
    assertThat(after.success()).isFalse();
    MutationReport.Mutant survivor = after.mutationReport().undetected().get(0);
    assertThat(after.errors())
        .singleElement()
        .asString()
        .startsWith("mutation score ")
        .contains("is below the threshold")
        .contains(survivor.file() + ":" + survivor.line() + " " + survivor.mutant());
  }

  @Test
  void aMavenProjectIsVerifiedThroughPitestMaven(@TempDir Path dir) throws IOException {
    Path repo = DemoRepo.copy("maven-demo", dir);
    ChangeSpec spec =
        ChangeSpecValidator.parse(Files.readString(DemoRepo.EXAMPLES.resolve("specs/CS-002.json")));
    ENGINE.apply(spec, repo);

    VerificationReport report = Verification.run(spec, repo, SETTINGS);

    assertThat(report.tests().runner()).isEqualTo("maven");
    assertThat(report.tests().run()).isEqualTo(2);
    MutationReport mutation = report.mutationReport();
    assertThat(mutation.status()).as(String.valueOf(mutation.detail())).isEqualTo("completed");
    assertThat(mutation.targetClasses()).containsExactly("com.acme.pricing.Discounts");
    assertThat(mutation.details())
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.file()).isEqualTo("Discounts.java"));
    assertThat(mutation.details()).anySatisfy(m -> assertThat(m.method()).isEqualTo("discounted"));
    assertThat(mutation.score())
        .isEqualTo((double) mutation.mutantsKilled() / mutation.mutantsTotal());
    assertThat(report.success()).isEqualTo(mutation.score() >= 0.8);
  }

  @Test
  void mutationTestingSkippedByConfigurationReportsNoNumber(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);
    ENGINE.apply(DemoRepo.cs001(), repo);

    VerificationReport report =
        Verification.run(DemoRepo.cs001(), repo, SETTINGS.withMutationTesting(false));

    assertThat(report.success()).isTrue();
    assertThat(report.mutationReport().status()).isEqualTo("skipped");
    assertThat(report.mutationReport().detail()).startsWith("skipped by configuration");
    assertThat(report.mutationReport().score()).isNull();
    assertThat(report.mutationReport().mutantsTotal()).isNull();
    assertThat(report.metrics()).doesNotContainKey("mutationScore");
  }

  @Test
  void highRiskRunsMutationTestingEvenWhenConfigurationSkipsIt(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);
    ENGINE.apply(DemoRepo.cs001(), repo);
    ChangeSpec high = withRisk(DemoRepo.cs001(), "high");

    VerificationReport report = Verification.run(high, repo, SETTINGS.withMutationTesting(false));

    assertThat(report.mutationReport().status()).isEqualTo("completed");
    assertThat(report.mutationReport().threshold()).isEqualTo(0.8);
    assertThat(report.warnings()).anyMatch(w -> w.contains("does not apply to high-risk changes"));
    assertThat(Verification.run(high, repo, SETTINGS.withoutTests()).errors())
        .contains("high-risk changes cannot skip the tests and mutation testing");
  }

  @Test
  void generatedTestsAreRefusedRatherThanPretended(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);
    ChangeSpec spec = DemoRepo.cs001();
    ChangeSpec generate =
        new ChangeSpec(
            spec.id(),
            spec.intent(),
            spec.scope(),
            spec.language(),
            spec.assumptions(),
            spec.patches(),
            spec.invariants(),
            new ChangeSpec.TestPlan("generate", spec.tests().targets(), 0.6),
            spec.risk(),
            spec.telemetry());

    assertThatThrownBy(() -> Verification.run(generate, repo, SETTINGS))
        .isInstanceOf(DteException.class)
        .hasMessageContaining("/tests/strategy: 'generate' is not supported");
  }

  @Test
  void aMutationRunPastTheDeadlineIsReportedAsATimeout(@TempDir Path dir) throws IOException {
    Path repo = DemoRepo.copyTo(dir);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    MutationTargets targets =
        new MutationTargets(java.util.List.of("com.acme.model.UserId"), "scope");

    MutationReport report =
        MutationTesting.run(repo, targets, classes, Duration.ofMillis(200), 1, new ToolJars());

    assertThat(report.status()).isEqualTo("timeout");
    assertThat(report.detail()).isEqualTo("PIT timed out after 0 s (TEST_TIMEOUT_MS)");
    assertThat(report.score()).isNull();
  }

  static ChangeSpec withThreshold(ChangeSpec spec, double threshold) {
    return new ChangeSpec(
        spec.id(),
        spec.intent(),
        spec.scope(),
        spec.language(),
        spec.assumptions(),
        spec.patches(),
        spec.invariants(),
        new ChangeSpec.TestPlan("augment", spec.tests().targets(), threshold),
        spec.risk(),
        spec.telemetry());
  }

  static ChangeSpec withRisk(ChangeSpec spec, String risk) {
    return new ChangeSpec(
        spec.id(),
        spec.intent(),
        spec.scope(),
        spec.language(),
        spec.assumptions(),
        spec.patches(),
        spec.invariants(),
        spec.tests(),
        risk,
        spec.telemetry());
  }
}
