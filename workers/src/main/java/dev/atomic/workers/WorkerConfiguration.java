package dev.atomic.workers;

import dev.atomic.dte.DteActivitiesImpl;
import dev.atomic.dte.Repositories;
import dev.atomic.dte.WorkingDirectories;
import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.finops.FinOps;
import dev.atomic.finops.FinOpsActivitiesImpl;
import dev.atomic.finops.FinOpsSettings;
import dev.atomic.finops.TemporalAlertSink;
import dev.atomic.gateway.GatewayActivitiesImpl;
import dev.atomic.gateway.Preflight;
import dev.atomic.mission.MissionActivitiesImpl;
import dev.atomic.platform.Database;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Activity implementations, as beans the Temporal starter registers by name. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FinOpsSettings.class)
class WorkerConfiguration {

  /** Evidence data passes the redactor the process provides (the REST facade's, if any). */
  @Bean
  MissionActivitiesImpl missionActivities(
      DataSource dataSource, ObjectProvider<EvidenceRedactor> redactor) {
    return new MissionActivitiesImpl(
        new Database(dataSource), redactor.getIfAvailable(EvidenceRedactor::none));
  }

  @Bean
  DteActivitiesImpl dteActivities(
      @Value("${atomic.dte.allowed-roots}") List<String> allowedRoots, @Value("${atomic.home}") String home) {
    return new DteActivitiesImpl(
        new WorkingDirectories(allowedRoots), new Repositories(java.nio.file.Path.of(home, "repos")));
  }

  /** Commits on the workers can reach thresholds too, so their alerts start workflows as well. */
  @Bean
  FinOpsActivitiesImpl finOpsActivities(
      FinOpsSettings settings,
      DataSource dataSource,
      WorkflowClient client,
      @Value("${atomic.dte.allowed-roots}") List<String> allowedRoots,
      @Value("${atomic.home}") String home) {
    FinOps finOps = FinOps.create(settings, dataSource, new TemporalAlertSink(client), Clock.systemUTC());
    return new FinOpsActivitiesImpl(
        finOps, new WorkingDirectories(allowedRoots), new Repositories(java.nio.file.Path.of(home, "repos")));
  }

  @Bean
  GatewayActivitiesImpl gatewayActivities(Preflight preflight) {
    return new GatewayActivitiesImpl(preflight);
  }
}
