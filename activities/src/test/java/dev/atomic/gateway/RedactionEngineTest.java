package dev.atomic.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RedactionEngineTest {

  // Built at run time so that this file does not itself look like it holds credentials.
  private static final String GITHUB = "gh" + "p_" + "bUVTl7btk5rKYZASmm6S61tU72nPJ12U2nVo";
  private static final String AWS_ID = "AK" + "IA" + "EQOZP3UBNIMVSWXP";

  private final RedactionEngine engine = new RedactionEngine();

  @Test
  void replacesEachSpanWithItsPlaceholderAndReportsInputPositions() {
    String text = "token=" + GITHUB + " mail bob.smith@initech.io now";

    RedactionResult result = engine.scan(text);

    assertThat(result.redactions())
        .extracting(
            Redaction::kind,
            Redaction::rule,
            Redaction::position,
            Redaction::length,
            Redaction::placeholder)
        .containsExactly(
            tuple(Kind.SECRET, "github_token", 6, 40, "***REDACTED_SECRET***"),
            tuple(Kind.PII, "email", 52, 20, "***REDACTED_PII***"));
    assertThat(text.substring(6, 46)).isEqualTo(GITHUB);
    assertThat(result.sanitized())
        .isEqualTo("token=***REDACTED_SECRET*** mail ***REDACTED_PII*** now");
  }

  @Test
  void leavesCleanTextUntouched() {
    String text = "CREATE INDEX CONCURRENTLY idx_users_email ON users (email);";

    RedactionResult result = engine.scan(text);

    assertThat(result.found()).isFalse();
    assertThat(result.sanitized()).isSameAs(text);
  }

  @Test
  void prefersTheMoreSpecificRuleWhenDetectionsCoverTheSameSpan() {
    String jwt =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + "."
            + "eyJzdWIiOiIzNTM1OTEyIiwiaWF0IjoxNzA5NTI1MDQwfQ"
            + "."
            + "Qm9ndXNTaWduYXR1cmVGb3JUZXN0aW5nT25seTEyMzQ";
    String pat =
        "github_pat_"
            + "11J2EOFCRMSB948YZ1CYY6"
            + "_"
            + "PVNTYa19cEHxjU1DNGrg7Aa6U7v0ZsOqr7XqKUNnBrPEKB7JOB3DIvzzyQE";

    assertThat(engine.scan("Authorization: Bearer " + jwt).redactions())
        .extracting(Redaction::rule)
        .containsExactly("jwt");
    assertThat(
            engine
                .scan("git remote set-url origin https://ci:" + pat + "@github.com/acme/app.git")
                .redactions())
        .extracting(Redaction::rule)
        .containsExactly("github_pat");
    assertThat(engine.scan("GITHUB_TOKEN=\"" + GITHUB + "\"").redactions())
        .extracting(Redaction::rule)
        .containsExactly("github_token");
  }

  @Test
  void mergesPartlyOverlappingDetectionsSoNothingStaysInClear() {
    RedactionEngine custom =
        new RedactionEngine(
            RedactionConfig.builder()
                .customPattern("ticket", Kind.PROPRIETARY, "PRJ-[0-9]+ [a-z.]+@")
                .build());
    String text = "see PRJ-42 anna.k@globex.com";

    RedactionResult result = custom.scan(text);

    // The custom pattern ranks above the e-mail detector, so the merged span keeps its name.
    assertThat(result.redactions())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rule()).isEqualTo("ticket");
              assertThat(text.substring(r.start(), r.end())).isEqualTo("PRJ-42 anna.k@globex.com");
            });
    assertThat(result.sanitized()).isEqualTo("see ***REDACTED_PROPRIETARY***");
  }

  @Test
  void resolvesOverlapsTheSameWayWhateverTheOrder() {
    List<Candidate> candidates =
        List.of(
            new Candidate(0, 10, Kind.SECRET, "generic_secret", 1),
            new Candidate(2, 8, Kind.SECRET, "stripe_key", 3),
            new Candidate(8, 14, Kind.PII, "email", 2));

    List<Redaction> forward = Overlaps.resolve(candidates);
    List<Candidate> reversed = new ArrayList<>(candidates);
    Collections.reverse(reversed);
    List<Redaction> backward = Overlaps.resolve(reversed);

    assertThat(forward)
        .isEqualTo(backward)
        .containsExactly(new Redaction(Kind.SECRET, "stripe_key", 0, 14));
  }

  @Test
  void customRe2PatternsAreReportedUnderTheirNameAndKind() {
    RedactionEngine custom =
        new RedactionEngine(
            RedactionConfig.builder()
                .customPattern("employee_id", Kind.PII, "\\bEMP-[0-9]{6}\\b")
                .build());

    RedactionResult result = custom.scan("assigned to EMP-004211 and EMP-12");

    assertThat(result.redactions())
        .extracting(Redaction::rule, Redaction::kind, Redaction::start, Redaction::end)
        .containsExactly(tuple("employee_id", Kind.PII, 12, 22));
    assertThat(result.sanitized()).isEqualTo("assigned to ***REDACTED_PII*** and EMP-12");
  }

  @Test
  void rejectsCustomPatternsThatAreNotRe2() {
    RedactionConfig backreference =
        RedactionConfig.builder().customPattern("twice", Kind.SECRET, "(a)\\1").build();
    RedactionConfig lookahead =
        RedactionConfig.builder().customPattern("ahead", Kind.SECRET, "x(?=y)").build();

    assertThatThrownBy(() -> new RedactionEngine(backreference))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'twice': regex is not valid RE2");
    assertThatThrownBy(() -> new RedactionEngine(lookahead))
        .hasMessageContaining("'ahead': regex is not valid RE2");
  }

  @Test
  @Timeout(30)
  void aPathologicalCustomPatternStillFinishes() {
    RedactionEngine custom =
        new RedactionEngine(
            RedactionConfig.builder()
                .customPattern("nested", Kind.SECRET, "(a+)+$")
                .customPattern("alternation", Kind.SECRET, "(a|aa)*c")
                .build());
    String text = "a".repeat(RedactionConfig.DEFAULT_MAX_INPUT_CHARS - 1) + "!";

    RedactionResult result = custom.scan(text);

    // A backtracking engine would take exponential time here; RE2 is linear.
    assertThat(result.found()).isFalse();
  }

  @Test
  @Timeout(120)
  void finishesOnAdversarialInputForTheBuiltInRules() {
    // Each input repeats what starts a detector, with nothing that completes it: the work per
    // occurrence is bounded, so a large input stays linear.
    List<String> units = dev.atomic.gateway.bench.LargeInputBench.ADVERSARIAL_UNITS;
    for (String unit : units) {
      // As large as the engine accepts by default (1 MiB of characters).
      String text = dev.atomic.gateway.bench.LargeInputBench.repeated(unit);

      RedactionResult result = engine.scan(text);

      // Whatever was found lies inside the text, in order, without overlaps.
      int end = 0;
      for (Redaction r : result.redactions()) {
        assertThat(r.start()).as(unit).isGreaterThanOrEqualTo(end);
        end = r.end();
      }
      assertThat(end).as(unit).isLessThanOrEqualTo(text.length());
      assertThat(result.found() ? result.sanitized() : text).as(unit).isNotEmpty();
    }
  }

  @Test
  void redactsProprietaryMarkersAsWholeWordsIgnoringCase() {
    RedactionEngine custom =
        new RedactionEngine(
            RedactionConfig.builder()
                .proprietaryMarkers(
                    List.of("CONFIDENTIAL", "Project Falcon", "acme.billing.internal"))
                .build());

    RedactionResult result =
        custom.scan(
            "// Confidential: see project falcon in acme.billing.internal.Ledger; CONFIDENTIALITY");

    assertThat(result.redactions())
        .extracting(Redaction::kind, Redaction::rule)
        .containsOnly(tuple(Kind.PROPRIETARY, "proprietary_marker"))
        .hasSize(3);
    assertThat(result.sanitized())
        .isEqualTo(
            "// ***REDACTED_PROPRIETARY***: see ***REDACTED_PROPRIETARY*** in "
                + "***REDACTED_PROPRIETARY***.Ledger; CONFIDENTIALITY");
  }

  @Test
  void switchesSecretAndPiiRedactionIndependently() {
    String text = "AWS_ACCESS_KEY_ID=" + AWS_ID + " owner=jane.roe@hooli.com";
    RedactionEngine noSecrets =
        new RedactionEngine(RedactionConfig.builder().secrets(false).build());
    RedactionEngine noPii = new RedactionEngine(RedactionConfig.builder().pii(false).build());

    assertThat(noSecrets.scan(text).redactions())
        .extracting(Redaction::kind)
        .containsExactly(Kind.PII);
    assertThat(noPii.scan(text).redactions())
        .extracting(Redaction::kind)
        .containsExactly(Kind.SECRET);
  }

  @Test
  void refusesInputOverTheSizeCap() {
    RedactionEngine small =
        new RedactionEngine(RedactionConfig.builder().maxInputChars(100).build());

    assertThat(small.scan("x".repeat(100)).found()).isFalse();
    assertThatThrownBy(() -> small.scan("x".repeat(101)))
        .isInstanceOfSatisfying(
            InputTooLargeException.class,
            e -> {
              assertThat(e.length()).isEqualTo(101);
              assertThat(e.limit()).isEqualTo(100);
            });
    assertThat(RedactionConfig.defaults().maxInputChars()).isEqualTo(1_048_576);
  }

  @Test
  void neverRedactsConfiguredAllowlistValues() {
    RedactionEngine allowing =
        new RedactionEngine(RedactionConfig.builder().allow("ops@acme-corp.io").build());

    assertThat(allowing.scan("page ops@acme-corp.io or dev@acme-corp.io").redactions())
        .extracting(Redaction::start)
        .containsExactly(25);
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    List<String> samples = List.copyOf(RuleSamples.all().values());
    List<List<Redaction>> expected =
        samples.stream().map(s -> engine.scan(s).redactions()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 20; round++) {
                    for (int i = 0; i < samples.size(); i++) {
                      if (!engine.scan(samples.get(i)).redactions().equals(expected.get(i))) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> run : runs) {
        assertThat(run.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
