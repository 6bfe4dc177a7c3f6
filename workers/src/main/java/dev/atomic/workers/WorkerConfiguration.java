package dev.atomic.workers;

import dev.atomic.dte.DteActivitiesImpl;
import dev.atomic.dte.WorkingDirectories;
import dev.atomic.dte.git.Repositories;
import dev.atomic.evidence.EvidenceActivitiesImpl;
import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.evidence.EvidenceStore;
import dev.atomic.evidence.EvidenceTuning;
import dev.atomic.evidence.artifacts.ArtifactStore;
import dev.atomic.evidence.pack.FinOpsSummaries;
import dev.atomic.evidence.pack.SigningKey;
import dev.atomic.evidence.pack.SigningKeys;
import dev.atomic.finops.FinOps;
import dev.atomic.finops.FinOpsActivitiesImpl;
import dev.atomic.finops.FinOpsSettings;
import dev.atomic.finops.TemporalAlertSink;
import dev.atomic.gateway.GatewayActivitiesImpl;
import dev.atomic.gateway.Preflight;
import dev.atomic.gateway.RedactionEngine;
import dev.atomic.gateway.SecretRedactor;
import dev.atomic.mission.MissionActivitiesImpl;
import dev.atomic.platform.AtomicMetrics;
import dev.atomic.platform.Database;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Activity implementations, as beans the Temporal starter registers by name. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FinOpsSettings.class)
class WorkerConfiguration {

  /**
   * Evidence data passes the redactor the process provides (the REST facade's, if any); a
   * transition's events are inserted in batches of {@code EVIDENCE_BATCH_SIZE}.
   */
  @Bean
  MissionActivitiesImpl missionActivities(
      DataSource dataSource,
      ObjectProvider<EvidenceRedactor> redactor,
      org.springframework.core.env.Environment environment,
      AtomicMetrics metrics) {
    Database database = new Database(dataSource);
    return new MissionActivitiesImpl(
        database,
        redactor.getIfAvailable(SecretRedactor::builtIn),
        new dev.atomic.identity.DecisionTokens(database, Clock.systemUTC()),
        EvidenceTuning.from(environment::getProperty).batchSize(),
        metrics);
  }

  /**
   * TLS, mTLS and API key settings for the workers' Temporal client (docs/configuration.md); the
   * same as the API's, so applying both in one process changes nothing.
   */
  @Bean
  io.temporal.spring.boot.TemporalOptionsCustomizer<
          io.temporal.serviceclient.WorkflowServiceStubsOptions.Builder>
      workerTemporalConnection(org.springframework.core.env.Environment environment) {
    dev.atomic.platform.TemporalConnection connection =
        dev.atomic.platform.TemporalConnection.from(environment::getProperty);
    return connection::applyTo;
  }

  @Bean
  ArtifactStore artifactStore(DataSource dataSource) {
    return new ArtifactStore(dataSource);
  }

  /**
   * Missions' repositories are cloned under {@code $ATOMIC_HOME/repos}; local ones must lie under
   * the allowed roots; private https remotes use {@code ATOMIC_GIT_USERNAME} and {@code
   * ATOMIC_GIT_TOKEN}; the engine and verify read {@code DTE_*}, {@code ATOMIC_MAVEN_*}, {@code
   * TEST_TIMEOUT_MS}, {@code ENABLE_MUTATION_TESTING} and {@code MUTATION_THRESHOLD_DEFAULT} from
   * the environment or {@code .env}.
   */
  @Bean
  DteActivitiesImpl dteActivities(
      @Value("${atomic.dte.allowed-roots}") List<String> allowedRoots,
      @Value("${atomic.home}") String home,
      @Value("${ATOMIC_GIT_USERNAME:}") String gitUser,
      @Value("${ATOMIC_GIT_TOKEN:}") String gitToken,
      ArtifactStore artifacts,
      AtomicMetrics metrics,
      org.springframework.core.env.Environment environment) {
    WorkingDirectories roots = new WorkingDirectories(allowedRoots);
    CredentialsProvider credentials = gitCredentials(gitUser, gitToken);
    // The DTE and verify settings come from the Spring environment: variables, then .env.
    return new DteActivitiesImpl(
        new dev.atomic.dte.DteEngine(dev.atomic.dte.DteSettings.from(environment::getProperty)),
        roots,
        new Repositories(java.nio.file.Path.of(home, "repos"), roots, credentials),
        artifacts,
        metrics,
        environment::getProperty);
  }

  /**
   * Audit packs are signed with the process's key: the API's where it runs in the same process,
   * else {@code ATOMIC_SIGNING_KEY_FILE}, else the key under {@code $ATOMIC_HOME/keys}.
   */
  @Bean
  EvidenceActivitiesImpl evidenceActivities(
      DataSource dataSource,
      ObjectProvider<EvidenceRedactor> redactor,
      ObjectProvider<SigningKey> key,
      @Value("${ATOMIC_SIGNING_KEY_FILE:}") String keyFile,
      @Value("${atomic.home}") String home,
      ObjectProvider<FinOpsSummaries> finops,
      ArtifactStore artifacts,
      WorkflowClient client,
      org.springframework.core.env.Environment environment,
      AtomicMetrics metrics) {
    return new EvidenceActivitiesImpl(
        new EvidenceStore(
            new Database(dataSource), redactor.getIfAvailable(SecretRedactor::builtIn)),
        key.getIfAvailable(() -> signingKey(keyFile, home)),
        finops.getIfAvailable(FinOpsSummaries::notWired),
        artifacts,
        client,
        Clock.systemUTC(),
        EvidenceTuning.from(environment::getProperty).compressionLevel(),
        metrics);
  }

  /** Commits on the workers can reach thresholds too, so their alerts start workflows as well. */
  @Bean
  FinOpsActivitiesImpl finOpsActivities(
      FinOpsSettings settings,
      DataSource dataSource,
      WorkflowClient client,
      ObjectProvider<EvidenceRedactor> redactor,
      @Value("${atomic.dte.allowed-roots}") List<String> allowedRoots,
      @Value("${atomic.home}") String home,
      AtomicMetrics metrics) {
    FinOps finOps =
        FinOps.create(
            settings,
            dataSource,
            new TemporalAlertSink(client),
            Clock.systemUTC(),
            redactor.getIfAvailable(SecretRedactor::builtIn),
            metrics);
    return new FinOpsActivitiesImpl(
        finOps,
        new WorkingDirectories(allowedRoots),
        new Repositories(java.nio.file.Path.of(home, "repos")),
        metrics);
  }

  /**
   * Credentials for private https repositories: {@code ATOMIC_GIT_TOKEN} as the password, {@code
   * ATOMIC_GIT_USERNAME} (default {@code x-access-token}) as the user; none without a token.
   */
  static CredentialsProvider gitCredentials(String user, String token) {
    return token == null || token.isBlank()
        ? null
        : new UsernamePasswordCredentialsProvider(
            user == null || user.isBlank() ? "x-access-token" : user.strip(), token.strip());
  }

  private static SigningKey signingKey(String file, String home) {
    try {
      return file.isBlank()
          ? SigningKeys.loadOrCreate(java.nio.file.Path.of(home, "keys"))
          : SigningKeys.load(java.nio.file.Path.of(file.strip()));
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot load the audit signing key: " + e.getMessage(), e);
    }
  }

  @Bean
  GatewayActivitiesImpl gatewayActivities(Preflight preflight, ArtifactStore artifacts) {
    return new GatewayActivitiesImpl(preflight, new RedactionEngine(), artifacts);
  }
}
