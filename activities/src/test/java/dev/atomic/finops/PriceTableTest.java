package dev.atomic.finops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceTableTest {

  private final PriceTable shipped = PriceTable.shipped();

  @Test
  void theShippedTableIsDatedAndPricesEveryProvidersDefaultModel() {
    assertThat(shipped.asOf()).isEqualTo("2025-06-01");
    assertThat(shipped.providers())
        .containsExactly("copilot", "cursor", "windsurf", "openai", "anthropic");
    for (String provider : shipped.providers()) {
      assertThat(shipped.price(provider, shipped.defaultModel(provider)).pessimistic()).isFalse();
    }
    ModelPrice gpt4o = shipped.price("openai", "gpt-4o");
    assertThat(gpt4o.inputUsdPerMillion()).isEqualByComparingTo("2.50");
    assertThat(gpt4o.outputUsdPerMillion()).isEqualByComparingTo("10.00");
    assertThat(gpt4o.contextWindow()).isEqualTo(128_000);
    assertThat(shipped.providersOf("gpt-4.1"))
        .containsExactly("copilot", "cursor", "windsurf", "openai");
  }

  @Test
  void costIsExactDecimalArithmeticToTheMicroDollar() {
    ModelPrice gpt41 = shipped.price("openai", "gpt-4.1");
    assertThat(gpt41.cost(1_000_000, 500_000)).isEqualByComparingTo("6"); // 2.00 + 0.5 x 8.00

    ModelPrice mini = shipped.price("openai", "gpt-4o-mini");
    // 1234 x 0.15 / 1e6 + 567 x 0.60 / 1e6 = 0.0005253, half-up to 6 places
    assertThat(mini.cost(1234, 567)).isEqualTo(new BigDecimal("0.000525"));
    assertThat(mini.cost(0, 0)).isEqualByComparingTo("0");
  }

  @Test
  void anUnknownModelOrProviderFailsClosedListingTheKnownOnes() {
    assertThatThrownBy(() -> shipped.price("openai", "gpt-9"))
        .isInstanceOfSatisfying(
            FinOpsException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(FinOpsException.Kind.UNKNOWN_MODEL);
              assertThat(e.getMessage())
                  .contains("unknown model 'gpt-9'", "gpt-4.1", "gpt-4o-mini");
            });
    assertThatThrownBy(() -> shipped.price("acme", "gpt-4o"))
        .isInstanceOfSatisfying(
            FinOpsException.class,
            e ->
                assertThat(e.getMessage())
                    .contains(
                        "unknown provider 'acme'",
                        "[copilot, cursor, windsurf, openai, anthropic]"));
  }

  @Test
  void anOverrideFileReplacesAndAddsPricesAndCanPriceUnknownModelsPessimistically(@TempDir Path dir)
      throws IOException {
    Path override = dir.resolve("prices.yaml");
    Files.writeString(
        override,
        """
        asOf: "2026-11-01"
        models:
          - {provider: openai, model: gpt-4o, input: 2.00, output: 8.00, contextWindow: 128000, p95LatencyMs: 7000, tokenizer: o200k_base}
          - {provider: copilot, model: gpt-5-codex, input: 1.25, output: 10.00, contextWindow: 400000, p95LatencyMs: 30000, tokenizer: o200k_base}
        unknownModel: {input: 75, output: 150, contextWindow: 100000, p95LatencyMs: 60000}
        """);

    PriceTable table = PriceTable.load(override);

    assertThat(table.asOf()).isEqualTo("2026-11-01");
    assertThat(table.price("openai", "gpt-4o").inputUsdPerMillion()).isEqualByComparingTo("2.00");
    assertThat(table.price("openai", "gpt-4o").p95LatencyMs()).isEqualTo(7000);
    assertThat(table.price("copilot", "gpt-5-codex").outputUsdPerMillion())
        .isEqualByComparingTo("10");
    assertThat(table.price("anthropic", "claude-sonnet-4").inputUsdPerMillion())
        .isEqualByComparingTo("3");
    ModelPrice unknown = table.price("cursor", "mystery-1");
    assertThat(unknown.pessimistic()).isTrue();
    assertThat(unknown.exactTokens()).isFalse();
    assertThat(unknown.cost(1_000_000, 1_000_000)).isEqualByComparingTo("225");
    assertThatThrownBy(() -> table.price("acme", "mystery-1")).isInstanceOf(FinOpsException.class);
  }

  @Test
  void aWrongOverrideIsRefusedNamingTheEntry(@TempDir Path dir) throws IOException {
    Path override = dir.resolve("prices.yaml");
    Files.writeString(
        override,
        """
        models:
          - {provider: openai, model: gpt-x, input: -1, output: cheap, contextWindow: 0, p95LatencyMs: 10, tokenizer: p50k}
          - {provider: acme, model: y, input: 1, output: 1, contextWindow: 10, p95LatencyMs: 10}
        """);

    assertThatThrownBy(() -> PriceTable.load(override))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("models[0]: 'input' must be a number")
        .hasMessageContaining("models[0]: 'output' must be a number")
        .hasMessageContaining("models[0]: 'contextWindow' must be a whole number")
        .hasMessageContaining("tokenizer must be one of [o200k_base, cl100k_base, estimate]")
        .hasMessageContaining("models[1]: unknown provider 'acme'");
  }
}
