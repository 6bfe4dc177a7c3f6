package dev.atomic.api.finops;

import dev.atomic.dte.Repositories;
import dev.atomic.dte.WorkingDirectories;
import dev.atomic.finops.FinOps;
import dev.atomic.finops.FinOpsSettings;
import dev.atomic.finops.ModelCatalog;
import dev.atomic.finops.TemporalAlertSink;
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

  @Bean
  FinOps finOps(FinOpsSettings settings, DataSource dataSource, WorkflowClient client) {
    return FinOps.create(settings, dataSource, new TemporalAlertSink(client), Clock.systemUTC());
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
    return new ForecastTrees(new WorkingDirectories(allowedRoots), new Repositories(Path.of(home, "repos")));
  }
}
