package dev.atomic.finops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.atomic.config.Variables;
import dev.atomic.dte.ChangeSpec;
import dev.atomic.platform.Json;
import dev.atomic.testing.TestDatabase;
import dev.atomic.testing.WebhookReceiver;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each FinOps variable of docs/configuration.md, set as the environment would set it, changes
 * budgets, alerts or forecasts as documented.
 */
class FinOpsVariablesTest {

  private static final Encoding O200K =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-03T10:00:00Z"), ZoneOffset.UTC);

  private TestDatabase database;
  private final List<BudgetAlert> fired = new ArrayList<>();

  @BeforeEach
  void start() {
    database = TestDatabase.h2();
  }

  @AfterEach
  void stop() throws Exception {
    database.close();
  }

  private FinOps finOps(Map<String, String> variables) {
    FinOpsSettings settings =
        Variables.binder(variables).bind("atomic.finops", FinOpsSettings.class).get();
    return FinOps.create(settings, database.dataSource(), fired::addAll, CLOCK);
  }

  @Test
  void defaultBudgetUsdIsTheGlobalTotalUntilOneIsSet() {
    assertThat(finOps(Map.of()).budgets().get(BudgetScope.GLOBAL).total())
        .isEqualByComparingTo("100");
    FinOps twoHundredFifty = finOps(Map.of("DEFAULT_BUDGET_USD", "250"));

    assertThat(twoHundredFifty.budgets().get(BudgetScope.GLOBAL).total())
        .isEqualByComparingTo("250");
  }

  @Test
  void globalResetChoosesThePeriodOfTheGlobalBudget() {
    Budget monthly = finOps(Map.of()).budgets().get(BudgetScope.GLOBAL);
    Budget daily =
        finOps(Map.of("ATOMIC_FINOPS_GLOBAL_RESET", "daily")).budgets().get(BudgetScope.GLOBAL);

    assertThat(monthly.reset()).isEqualTo("monthly");
    assertThat(monthly.period()).isEqualTo("2026-11");
    assertThat(daily.reset()).isEqualTo("daily");
    assertThat(daily.period()).isEqualTo("2026-11-03");
  }

  @Test
  void alertThresholdsAreThePercentagesThatFire() {
    FinOps finOps = finOps(Map.of("ATOMIC_FINOPS_ALERT_THRESHOLDS", "25,75"));

    finOps.budgets().consume(BudgetScope.GLOBAL, new BigDecimal("30"));

    assertThat(finOps.budgets().get(BudgetScope.GLOBAL).thresholds()).containsExactly(25, 75);
    assertThat(fired).extracting(BudgetAlert::threshold).containsOnly(25);
  }

  @Test
  void budgetBreachWebhookUrlReceivesTheAlerts() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.failingFirst(0)) {
      FinOps finOps = finOps(Map.of("BUDGET_BREACH_WEBHOOK_URL", receiver.url()));
      finOps.budgets().consume(BudgetScope.GLOBAL, new BigDecimal("60"));
      BudgetAlert alert = fired.get(0);

      String outcome = finOps.webhook().deliver(alert, finOps.alerts().record(alert));

      assertThat(outcome).startsWith("HTTP 200");
      assertThat(receiver.delivered(alert.alertId())).hasSize(1);
      assertThat(finOps(Map.of()).webhook().configured()).isFalse();
    }
  }

  @Test
  void webhookTimeoutBoundsOneAttempt() throws Exception {
    // A server that accepts the connection and never answers.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/alerts";
      FinOps finOps =
          finOps(
              Map.of("BUDGET_BREACH_WEBHOOK_URL", url, "ATOMIC_FINOPS_WEBHOOK_TIMEOUT", "300ms"));
      finOps.budgets().consume(BudgetScope.GLOBAL, new BigDecimal("60"));
      BudgetAlert alert = fired.get(0);
      AlertRecord record = finOps.alerts().record(alert);
      long started = System.nanoTime();

      assertThatThrownBy(() -> finOps.webhook().deliver(alert, record))
          .isInstanceOf(BudgetWebhook.DeliveryFailed.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertThat(finOps.settings().webhookTimeout()).isEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void finopsPricesReplacesShippedPrices(@TempDir Path dir) throws IOException {
    Path prices = dir.resolve("prices.yaml");
    Files.writeString(
        prices,
        """
        asOf: "2026-11-01"
        models:
          - {provider: openai, model: gpt-4o, input: 2.00, output: 8.00, contextWindow: 128000, p95LatencyMs: 7000, tokenizer: o200k_base}
        """);

    FinOps overridden = finOps(Map.of("ATOMIC_FINOPS_PRICES", prices.toString()));

    assertThat(overridden.prices().asOf()).isEqualTo("2026-11-01");
    assertThat(overridden.prices().price("openai", "gpt-4o").inputUsdPerMillion())
        .isEqualByComparingTo("2.00");
    assertThat(finOps(Map.of()).prices().asOf()).isNotEqualTo("2026-11-01");
  }

  @Test
  void defaultProviderServesForecastsThatNameNone() {
    Forecast anthropic =
        finOps(Map.of("DEFAULT_PROVIDER", "anthropic"))
            .forecaster()
            .forecast(ForecasterTest.spec(List.of("A.java")), null, null, null, null);
    Forecast byDefault =
        finOps(Map.of())
            .forecaster()
            .forecast(ForecasterTest.spec(List.of("A.java")), null, null, null, null);

    assertThat(anthropic.provider()).isEqualTo("anthropic");
    assertThat(byDefault.provider()).isEqualTo("copilot");
  }

  @Test
  void theScopeEstimateUsesTokensPerFileFilesPerGlobAndTheOutputRatio() {
    ChangeSpec spec = ForecasterTest.spec(List.of("src/**/*.java", "pom.xml"));
    long specTokens = O200K.countTokensOrdinary(Json.write(spec));

    Forecast forecast =
        finOps(
                Map.of(
                    "ATOMIC_FINOPS_TOKENS_PER_FILE", "200",
                    "ATOMIC_FINOPS_FILES_PER_GLOB", "10",
                    "ATOMIC_FINOPS_OUTPUT_RATIO", "0.5"))
            .forecaster()
            .forecast(spec, null, null, null, null);
    Forecast byDefault = finOps(Map.of()).forecaster().forecast(spec, null, null, null, null);

    assertThat(forecast.files()).isEqualTo(11); // one glob at 10 files, one named file
    assertThat(forecast.tokens()).isEqualTo(specTokens + 11 * 200);
    assertThat(forecast.outputTokens()).isEqualTo(11 * 200 / 2);
    assertThat(byDefault.files()).isEqualTo(51);
    assertThat(byDefault.tokens()).isEqualTo(specTokens + 51_000);
    assertThat(byDefault.outputTokens()).isEqualTo(15_300);
  }
}
