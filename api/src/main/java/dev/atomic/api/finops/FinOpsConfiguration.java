package dev.atomic.api.finops;

import dev.atomic.dte.WorkingDirectories;
import dev.atomic.dte.git.Repositories;
import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.evidence.pack.FinOpsSummaries;
import dev.atomic.evidence.pack.PackPart;
import dev.atomic.finops.BudgetScope;
import dev.atomic.finops.FinOps;
import dev.atomic.finops.FinOpsException;
import dev.atomic.finops.FinOpsSettings;
import dev.atomic.finops.ModelCatalog;
import dev.atomic.finops.TemporalAlertSink;
import dev.atomic.platform.AtomicMetrics;
import dev.atomic.platform.Json;
import io.temporal.client.WorkflowClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FinOpsSettings.class)
class FinOpsConfiguration {

  /** Budget and alert events pass the same redactor as every other event. */
  @Bean
  FinOps finOps(
      FinOpsSettings settings,
      DataSource dataSource,
      WorkflowClient client,
      EvidenceRedactor redactor,
      AtomicMetrics metrics) {
    return FinOps.create(
        settings, dataSource, new TemporalAlertSink(client), Clock.systemUTC(), redactor, metrics);
  }

  /** Prices and model policies for code that routes requests to a model. */
  @Bean
  ModelCatalog modelCatalog(FinOps finOps) {
    return finOps.catalog();
  }

  /** The trees forecasts may read: the DTE's allowed roots, and clones under the Atomic home. */
  @Bean
  ForecastTrees forecastTrees(
      @Value("${atomic.dte.allowed-roots:${user.dir}}") List<String> allowedRoots,
      @Value("${atomic.home}") String home) {
    return new ForecastTrees(
        new WorkingDirectories(allowedRoots), new Repositories(Path.of(home, "repos")));
  }

  /**
   * An audit pack's {@code finops.json}: the mission's budget (total, consumed, reserved,
   * remaining) when one was set; declared absent with the reason otherwise.
   */
  @Bean
  FinOpsSummaries finOpsSummaries(FinOps finOps) {
    return missionId -> {
      try {
        var budget = finOps.budgets().get(BudgetScope.mission(missionId));
        return PackPart.present(
            Json.write(
                    java.util.Map.of(
                        "missionId",
                        missionId,
                        "budget",
                        budget,
                        "pricesAsOf",
                        finOps.catalog().pricesAsOf()))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } catch (FinOpsException e) {
        if (e.kind() == FinOpsException.Kind.NOT_FOUND) {
          return PackPart.absent(
              "no FinOps budget was set for mission "
                  + missionId
                  + " (PUT /finops/budgets/mission:"
                  + missionId
                  + "), so no spend was recorded against it");
        }
        throw e;
      }
    };
  }
}
