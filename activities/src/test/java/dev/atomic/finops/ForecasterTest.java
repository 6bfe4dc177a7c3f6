package dev.atomic.finops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.atomic.dte.ChangeSpec;
import dev.atomic.platform.Database;
import dev.atomic.platform.Json;
import dev.atomic.testing.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecasterTest {

  private static final Encoding O200K =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
  private static TestDatabase database;
  private static Forecaster forecaster;

  @TempDir Path tree;

  @BeforeAll
  static void start() {
    database = TestDatabase.h2();
    ModelPolicies policies =
        new ModelPolicies(
            new Database(database.dataSource()), PriceTable.shipped(), Clock.systemUTC());
    forecaster = new Forecaster(policies, new TokenCounter(), FinOpsSettings.defaults());
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  @Test
  void readsTheSpecAndEveryFileItsScopeSelectsFromTheTree() throws IOException {
    write("src/main/java/a/A.java", "package a;\n\nclass A {\n  int x = 1;\n}\n");
    write("src/main/java/a/B.java", "package a;\n\nclass B extends A {}\n");
    write("README.md", "not in scope");
    ChangeSpec spec = spec(List.of("src/**/*.java"));

    Forecast forecast = forecaster.forecast(spec, tree, "openai", "gpt-4.1", null);

    long specTokens = O200K.countTokensOrdinary(Json.write(spec));
    long fileTokens =
        O200K.countTokensOrdinary("src/main/java/a/A.java\n")
            + O200K.countTokensOrdinary("package a;\n\nclass A {\n  int x = 1;\n}\n")
            + O200K.countTokensOrdinary("src/main/java/a/B.java\n")
            + O200K.countTokensOrdinary("package a;\n\nclass B extends A {}\n");
    long output = (long) Math.ceil(fileTokens * 0.3);
    assertThat(forecast.basis()).isEqualTo("tree");
    assertThat(forecast.files()).isEqualTo(2);
    assertThat(forecast.tokens()).isEqualTo(specTokens + fileTokens);
    assertThat(forecast.outputTokens()).isEqualTo(output);
    assertThat(forecast.totalTokens()).isEqualTo(specTokens + fileTokens + output);
    assertThat(forecast.tokenizer()).isEqualTo("o200k_base");
    assertThat(forecast.tokenCount()).isEqualTo("exact");
    assertThat(forecast.usdEstimate())
        .isEqualByComparingTo(
            PriceTable.shipped().price("openai", "gpt-4.1").cost(specTokens + fileTokens, output));
    assertThat(forecast.p95Latency()).isEqualTo(20_000);
    assertThat(forecast.requests()).isEqualTo(1);
    assertThat(forecast.prices().asOf()).isEqualTo("2025-06-01");
  }

  @Test
  void withoutATreeTheScopeIsEstimatedAndTheAnswerSaysSo() {
    ChangeSpec spec = spec(List.of("src/**/*.java", "pom.xml"));

    Forecast forecast = forecaster.forecast(spec, null, null, null, null);

    assertThat(forecast.basis()).isEqualTo("scope-estimate");
    assertThat(forecast.provider()).isEqualTo("copilot");
    assertThat(forecast.model()).isEqualTo("gpt-4.1");
    assertThat(forecast.files()).isEqualTo(51); // one glob at 50 files, one named file
    long specTokens = O200K.countTokensOrdinary(Json.write(spec));
    assertThat(forecast.tokens()).isEqualTo(specTokens + 51_000);
    assertThat(forecast.outputTokens()).isEqualTo(15_300);
    assertThat(forecast.notes()).anyMatch(n -> n.startsWith("no tree given: 1 glob(s)"));
  }

  @Test
  void modelsWithoutAPublicTokenizerAreLabelledEstimates() throws IOException {
    write("A.java", "class A {}\n");

    Forecast forecast = forecaster.forecast(spec(List.of("A.java")), tree, "anthropic", null, null);

    assertThat(forecast.model()).isEqualTo("claude-sonnet-4");
    assertThat(forecast.tokenizer()).isEqualTo("estimate");
    assertThat(forecast.tokenCount()).isEqualTo("estimate");
    assertThat(forecast.notes()).anyMatch(n -> n.contains("no public tokenizer"));
  }

  @Test
  void aModelAloneIsServedByTheDefaultProviderWhenItOffersIt() {
    Forecast copilot = forecaster.forecast(spec(List.of("A.java")), null, null, "gpt-4o", null);
    Forecast anthropic =
        forecaster.forecast(spec(List.of("A.java")), null, null, "claude-opus-4", null);

    assertThat(copilot.provider()).isEqualTo("copilot");
    assertThat(anthropic.provider()).isEqualTo("anthropic");
  }

  @Test
  void aTaskPicksTheModelByPolicy() {
    Forecast forecast = forecaster.forecast(spec(List.of("A.java")), null, null, null, "summarize");

    assertThat(forecast.provider()).isEqualTo("openai");
    assertThat(forecast.model()).isEqualTo("gpt-4o-mini");
    assertThatThrownBy(
            () -> forecaster.forecast(spec(List.of("A.java")), null, null, null, "juggling"))
        .isInstanceOfSatisfying(
            FinOpsException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("no model policy for task 'juggling'", "refactor"));
  }

  @Test
  void unknownProvidersAndModelsAreRefusedListingTheKnownOnes() {
    assertThatThrownBy(() -> forecaster.forecast(spec(List.of("A.java")), null, "acme", null, null))
        .isInstanceOfSatisfying(
            FinOpsException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(FinOpsException.Kind.UNKNOWN_MODEL);
              assertThat(e.getMessage())
                  .contains("known providers: [copilot, cursor, windsurf, openai, anthropic]");
            });
    assertThatThrownBy(
            () -> forecaster.forecast(spec(List.of("A.java")), null, "openai", "gpt-9", null))
        .isInstanceOfSatisfying(
            FinOpsException.class,
            e -> assertThat(e.getMessage()).contains("known models of openai: [gpt-4.1"));
  }

  @Test
  void aScopeThatSelectsNothingInTheTreeIsAnInvalidSpec() {
    assertThatThrownBy(
            () -> forecaster.forecast(spec(List.of("src/**/*.kt")), tree, null, null, null))
        .isInstanceOfSatisfying(
            FinOpsException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(FinOpsException.Kind.INVALID_SPEC);
              assertThat(e.getMessage()).contains("/scope: matches no files");
            });
  }

  @Test
  void aLargeInputIsSplitIntoRequestsAtTheContextWindow() {
    ChangeSpec spec = spec(List.of("a/**", "b/**", "c/**", "d/**", "e/**", "f/**", "g/**"));
    FinOpsSettings large =
        new FinOpsSettings(null, null, null, null, null, null, null, 10_000, 2, BigDecimal.ZERO);
    Forecaster sized =
        new Forecaster(
            new ModelPolicies(
                new Database(database.dataSource()), PriceTable.shipped(), Clock.systemUTC()),
            new TokenCounter(),
            large);

    Forecast forecast = sized.forecast(spec, null, "openai", "gpt-4o", null);

    assertThat(forecast.tokens()).isGreaterThan(140_000).isLessThan(128_000 * 2);
    assertThat(forecast.requests()).isEqualTo(2);
    assertThat(forecast.p95Latency()).isEqualTo(40_000);
    assertThat(forecast.notes())
        .anyMatch(n -> n.contains("exceeds the context window of 128000 tokens: 2 requests"));
  }

  private void write(String path, String content) throws IOException {
    Path file = tree.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /** A one-patch rename over {@code scope}; FinOpsVariablesTest forecasts it too. */
  static ChangeSpec spec(List<String> scope) {
    return new ChangeSpec(
        "CS-9",
        "Rename A to Z",
        scope,
        "java",
        null,
        List.of(
            new ChangeSpec.Patch(
                null, "renameSymbol", "Identifier[name='A']", Map.of("newName", "Z"))),
        null,
        null,
        null,
        null);
  }
}
