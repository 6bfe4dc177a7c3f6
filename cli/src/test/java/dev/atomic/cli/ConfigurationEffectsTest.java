package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every variable docs/configuration.md documents has a test that sets it and asserts what the
 * document says it changes; the registry below names that test. Also: the original system's
 * variables (reference.md, the runbook's Performance Tuning) are all documented, and {@code
 * .env.template} lists every variable a server process reads.
 */
class ConfigurationEffectsTest {

  /**
   * The test that proves one variable's effect.
   *
   * @param spellings what that test's source must mention: the variable, or the property or
   *     constant the variable maps to
   * @param notInEnvTemplate why the variable is not in {@code .env.template} (no server reads it
   *     from {@code .env}); null when it must be listed
   */
  record Effect(
      String variable,
      String module,
      String testClass,
      String method,
      List<String> spellings,
      String notInEnvTemplate) {}

  /** A variable read by the bash launcher {@code ./atomic} alone, before any JVM starts. */
  record Launcher(String variable, String reason) {}

  private static final String CLIENT =
      "read by the atomic client commands from the shell's environment, not by a server";

  private static final List<Effect> EFFECTS = new ArrayList<>();
  private static final List<Launcher> LAUNCHER =
      List.of(
          new Launcher(
              "ATOMIC_JAVA_OPTS",
              "JVM options the ./atomic script passes to java; no server reads it (an option a"
                  + " JVM refuses stops the launch, which is the whole effect)"),
          new Launcher(
              "ATOMIC_CDS",
              "the ./atomic script writes and maps a class-data archive unless it is false;"
                  + " measured in docs/benchmarks.md, not asserted by a JVM test"));

  private static void effect(
      String variable, String module, String testClass, String method, String... spellings) {
    List<String> all = new ArrayList<>(List.of(variable));
    all.addAll(List.of(spellings));
    EFFECTS.add(new Effect(variable, module, testClass, method, all, null));
  }

  private static void client(
      String variable, String module, String testClass, String method, String... spellings) {
    List<String> all = new ArrayList<>(List.of(variable));
    all.addAll(List.of(spellings));
    EFFECTS.add(new Effect(variable, module, testClass, method, all, CLIENT));
  }

  static {
    String config = "dev.atomic.config.";
    String gateway = "dev.atomic.gateway.GatewayVariablesTest";
    String finops = "dev.atomic.finops.FinOpsVariablesTest";
    String dte = "dev.atomic.dte.DteVariablesTest";
    String server = "dev.atomic.cli.ServerVariablesTest";
    String serverMethod = "aVariableSetsItsPropertyAndUnsetTakesTheDocumentedDefault";
    String tls = "dev.atomic.cli.TemporalTlsIT";
    String tlsMethod = "theApiTheWorkersAndTheCliTalkToTemporalOverMutualTls";
    String security = "dev.atomic.cli.SecurityIT";

    // All processes
    effect(
        "ATOMIC_HOME",
        "activities",
        config + "CommonVariablesTest",
        "atomicHomeHoldsTheEmbeddedDatabase");
    effect(
        "DATABASE_URL",
        "activities",
        config + "AtomicEnvironmentTest",
        "turnsAPostgresUrlIntoJdbcWithCredentials");
    effect(
        "TEMPORAL_ADDRESS",
        "activities",
        config + "CommonVariablesTest",
        "temporalAddressAndNamespaceAreWhereTheClientsConnect");
    effect(
        "TEMPORAL_NAMESPACE",
        "activities",
        config + "CommonVariablesTest",
        "temporalAddressAndNamespaceAreWhereTheClientsConnect");
    effect("TEMPORAL_TLS_CERT", "cli", tls, tlsMethod);
    effect("TEMPORAL_TLS_KEY", "cli", tls, tlsMethod);
    effect("TEMPORAL_TLS_CA", "cli", tls, tlsMethod);
    effect("TEMPORAL_TLS_SERVER_NAME", "cli", tls, tlsMethod);
    effect(
        "TEMPORAL_API_KEY",
        "activities",
        "dev.atomic.platform.TemporalConnectionTest",
        "anApiKeyTurnsTlsOnAndTravelsAsABearerHeaderOnceHoweverOftenItIsApplied");
    effect("LOG_LEVEL", "activities", config + "CommonVariablesTest", "logLevelIsTheRootLevel");
    effect(
        "LOG_FORMAT",
        "activities",
        config + "CommonVariablesTest",
        "logFormatJsonWritesAtomicJsonLinesAndLogFileWritesThemToAFileToo");
    effect(
        "LOG_FILE",
        "activities",
        config + "CommonVariablesTest",
        "logFormatJsonWritesAtomicJsonLinesAndLogFileWritesThemToAFileToo");

    // FinOps
    effect(
        "DEFAULT_BUDGET_USD",
        "activities",
        finops,
        "defaultBudgetUsdIsTheGlobalTotalUntilOneIsSet");
    effect(
        "ATOMIC_FINOPS_GLOBAL_RESET",
        "activities",
        finops,
        "globalResetChoosesThePeriodOfTheGlobalBudget");
    effect(
        "ATOMIC_FINOPS_ALERT_THRESHOLDS",
        "activities",
        finops,
        "alertThresholdsAreThePercentagesThatFire");
    effect(
        "BUDGET_BREACH_WEBHOOK_URL",
        "activities",
        finops,
        "budgetBreachWebhookUrlReceivesTheAlerts");
    effect("ATOMIC_FINOPS_WEBHOOK_TIMEOUT", "activities", finops, "webhookTimeoutBoundsOneAttempt");
    effect("ATOMIC_FINOPS_PRICES", "activities", finops, "finopsPricesReplacesShippedPrices");
    effect("DEFAULT_PROVIDER", "activities", finops, "defaultProviderServesForecastsThatNameNone");
    for (String variable :
        List.of(
            "ATOMIC_FINOPS_TOKENS_PER_FILE",
            "ATOMIC_FINOPS_FILES_PER_GLOB",
            "ATOMIC_FINOPS_OUTPUT_RATIO")) {
      effect(
          variable,
          "activities",
          finops,
          "theScopeEstimateUsesTokensPerFileFilesPerGlobAndTheOutputRatio");
    }

    // Evidence
    effect(
        "EVIDENCE_BATCH_SIZE",
        "activities",
        "dev.atomic.mission.EvidenceBatchWritesTest",
        "sevenEventsInBatchesOfThreeAreThreeBatchesAndNoSingleInserts");
    effect(
        "EVIDENCE_COMPRESSION_LEVEL",
        "activities",
        "dev.atomic.evidence.pack.PackCompressionTest",
        "levelZeroStoresTheFilesAndLevelNineMakesTheSmallestPackBothVerify");

    // REST API
    for (String variable :
        List.of(
            "ATOMIC_PORT",
            "GATEWAY_PORT",
            "ORCHESTRATOR_PORT",
            "DTE_PORT",
            "FINOPS_PORT",
            "EVIDENCE_PORT",
            "ATOMIC_SERVICE_PORTS_ENABLED",
            "MAX_BODY_SIZE",
            "ATOMIC_APPROVAL_TIMEOUT",
            "ATOMIC_AUTO_APPROVE_LOW_RISK",
            "ATOMIC_MISSION_START_TIMEOUT",
            "ATOMIC_MISSION_UPDATE_TIMEOUT",
            "ATOMIC_SIGNING_KEY_FILE",
            "EVIDENCE_MAX_EVENT_BYTES")) {
      effect(variable, "cli", server, serverMethod);
    }
    effect(
        "MAX_REQUEST_SIZE", "activities", gateway, "maxRequestSizeIsTheLongestContentInCharacters");
    effect(
        "SECRET_REDACTION_ENABLED",
        "activities",
        gateway,
        "secretRedactionEnabledFalseLeavesSecretsAndStillRedactsPersonalData");
    effect(
        "PII_REDACTION_ENABLED",
        "activities",
        gateway,
        "piiRedactionEnabledFalseLeavesPersonalDataAndStillRedactsSecrets");
    effect(
        "PROPRIETARY_MARKERS", "activities", gateway, "proprietaryMarkersAreRedactedAsProprietary");
    effect(
        "REDACTION_ALLOWLIST", "activities", gateway, "redactionAllowlistValuesAreNeverRedacted");
    effect(
        "GATEWAY_RULES_FILE",
        "activities",
        "dev.atomic.gateway.secrets.GitleaksRulesTest",
        "aRuleFileConfiguredForThePlatformWorksThroughThePreflight");
    for (String provider : List.of("COPILOT", "CURSOR", "WINDSURF", "OPENAI", "ANTHROPIC")) {
      effect(
          provider + "_ENABLED",
          "activities",
          gateway,
          "providerEnabledFalseRefusesThatProviderOnly",
          "_ENABLED");
      effect(
          provider + "_SECRET_MODE",
          "activities",
          gateway,
          "providerSecretModeBlockRefusesContentWithASecret",
          "_SECRET_MODE");
    }
    EFFECTS.add(
        new Effect(
            "ATOMIC_GIT_COMMIT",
            "activities",
            "dev.atomic.evidence.pack.MissionPackTest",
            "versionsNameAtomicJavaAndTheLibrariesThatRan",
            List.of("ATOMIC_GIT_COMMIT", "gitCommit"),
            "the image build sets it in the process environment, which is all that is read"));

    // Workers
    effect("ATOMIC_WORKERS_ENABLED", "cli", server, serverMethod);
    effect(
        "WORKER_PORT",
        "deploy",
        "dev.atomic.deploy.AppContractTest",
        "workersServeHealthOnThePortTheyAreToldAndTheDocumentedDefault");
    effect("ATOMIC_WORKER_SHUTDOWN_TIMEOUT", "cli", server, serverMethod);
    for (String variable :
        List.of("TEST_TIMEOUT_MS", "ENABLE_MUTATION_TESTING", "MUTATION_THRESHOLD_DEFAULT")) {
      effect(
          variable,
          "activities",
          "dev.atomic.dte.verify.VerificationSettingsTest",
          "readsTheDocumentedVariablesWithTheirDefaults");
    }
    effect("DTE_WORKERS", "activities", dte, "dteWorkersIsTheNumberOfThreadsThePerFileWorkRunsOn");
    effect("DTE_PARSE", "activities", dte, "dteParseFullParsesEveryFileInsteadOfStubbingTheOthers");
    effect(
        "DTE_CACHE_ENABLED", "activities", dte, "dteCacheEnabledReusesTheParseOfAnUnchangedTree");
    effect(
        "ATOMIC_MAVEN_LOCAL_REPOSITORY",
        "activities",
        dte,
        "theMavenVariablesChooseTheLocalRepositoryAndTheMirror");
    effect(
        "ATOMIC_MAVEN_MIRROR",
        "activities",
        dte,
        "theMavenVariablesChooseTheLocalRepositoryAndTheMirror");
    effect("ATOMIC_DTE_ALLOWED_ROOTS", "cli", server, serverMethod);
    effect(
        "ATOMIC_WORKER_QUEUES",
        "workers",
        "dev.atomic.workers.WorkerQueuesTest",
        "aWorkerGroupPollsOnlyItsQueues",
        "WorkerQueues.PROPERTY");
    effect(
        "ATOMIC_GIT_USERNAME",
        "workers",
        "dev.atomic.workers.GitCredentialsTest",
        "theTokenIsThePasswordAndTheUserDefaultsToXAccessToken");
    effect(
        "ATOMIC_GIT_TOKEN",
        "workers",
        "dev.atomic.workers.GitCredentialsTest",
        "theTokenIsThePasswordAndTheUserDefaultsToXAccessToken");

    // Authentication
    effect(
        "ATOMIC_AUTH",
        "cli",
        security,
        "aLoopbackUserOnANonLoopbackListenerRefusesToStart",
        "atomic.security.auth");
    effect(
        "SERVER_ADDRESS",
        "cli",
        security,
        "aLoopbackUserOnANonLoopbackListenerRefusesToStart",
        "server.address");
    effect(
        "ATOMIC_GATEWAY_RATE_LIMIT",
        "cli",
        security,
        "eachCredentialHasItsOwnGatewayRateLimit",
        "atomic.security.gateway-rate-limit");
    effect(
        "ATOMIC_JWT_PUBLIC_KEY",
        "cli",
        security,
        "aSignedJwtAuthenticatesWithItsRolesAndAnExpiredOrForgedOneDoesNot",
        "atomic.security.jwt.public-key");
    for (String variable :
        List.of(
            "ATOMIC_LOCAL_USER",
            "ATOMIC_BOOTSTRAP_KEY_FILE",
            "ATOMIC_JWT_ISSUER_URI",
            "ATOMIC_JWT_JWK_SET_URI",
            "ATOMIC_JWT_AUDIENCE",
            "ATOMIC_JWT_ROLES_CLAIM",
            "ATOMIC_JWT_PRINCIPAL_CLAIM",
            "ATOMIC_DECISION_TOKEN_TTL")) {
      effect(variable, "cli", server, serverMethod);
    }

    // CLI
    client(
        "ATOMIC_URL",
        "cli",
        "dev.atomic.cli.ClientVariablesTest",
        "atomicUrlAndAtomicApiKeyChooseTheServerAndTheBearer");
    client(
        "ATOMIC_API_KEY",
        "cli",
        "dev.atomic.cli.ClientVariablesTest",
        "atomicUrlAndAtomicApiKeyChooseTheServerAndTheBearer");
  }

  private static final Pattern TABLE_ROW = Pattern.compile("^\\| (`[^|]+)\\|", Pattern.MULTILINE);
  private static final Pattern NAME = Pattern.compile("`([A-Za-z][A-Za-z0-9_.]*)`");

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("docs/configuration.md"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the repository with docs/configuration.md").isNotNull();
    return dir;
  }

  /** Every name in the first column of the tables of docs/configuration.md. */
  static Set<String> documented() throws IOException {
    String doc = Files.readString(root().resolve("docs/configuration.md"));
    Set<String> names = new TreeSet<>();
    Matcher row = TABLE_ROW.matcher(doc);
    while (row.find()) {
      Matcher name = NAME.matcher(row.group(1));
      while (name.find()) {
        names.add(name.group(1));
      }
    }
    return names;
  }

  private static Map<String, Effect> registry() {
    Map<String, Effect> byName = new LinkedHashMap<>();
    for (Effect effect : EFFECTS) {
      assertThat(byName.put(effect.variable(), effect))
          .as("one entry per variable: %s", effect.variable())
          .isNull();
    }
    return byName;
  }

  private static Set<String> launcher() {
    Set<String> names = new TreeSet<>();
    LAUNCHER.forEach(l -> names.add(l.variable()));
    return names;
  }

  @Test
  void everyDocumentedVariableHasAnEffectTestAndNothingElseIsRegistered() throws IOException {
    Set<String> documented = documented();
    Set<String> registered = new TreeSet<>(registry().keySet());
    registered.addAll(launcher());

    assertThat(documented).hasSizeGreaterThan(80);
    assertThat(documented)
        .as("documented in docs/configuration.md without a test in the registry")
        .isSubsetOf(registered);
    assertThat(registered)
        .as("in the registry but not documented in docs/configuration.md")
        .isSubsetOf(documented);
  }

  @Test
  void eachRegisteredTestExistsAndMentionsTheVariableOrWhatItMapsTo() throws IOException {
    Path root = root();
    List<String> problems = new ArrayList<>();
    for (Effect effect : EFFECTS) {
      Path source =
          root.resolve(effect.module())
              .resolve("src/test/java")
              .resolve(effect.testClass().replace('.', '/') + ".java");
      if (!Files.isRegularFile(source)) {
        problems.add(effect.variable() + ": no test " + source);
        continue;
      }
      String text = Files.readString(source);
      if (!Pattern.compile("void " + Pattern.quote(effect.method()) + "\\(").matcher(text).find()) {
        problems.add(effect.variable() + ": no method " + effect.method() + " in " + source);
      }
      if (effect.spellings().stream().noneMatch(text::contains)) {
        problems.add(effect.variable() + ": " + source + " mentions none of " + effect.spellings());
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theLauncherReadsItsVariables() throws IOException {
    String script = Files.readString(root().resolve("atomic"));
    for (Launcher launcher : LAUNCHER) {
      assertThat(script).as(launcher.reason()).contains("${" + launcher.variable() + ":");
    }
  }

  @Test
  void theOriginalSystemsVariablesAreAllDocumented() throws IOException {
    Path shared = root().getParent().resolve("shared");
    Path reference = shared.resolve("reference.md");
    Path runbook = shared.resolve("seed/RUNBOOK.md");
    Assumptions.assumeTrue(
        Files.exists(reference) && Files.exists(runbook), "../shared is not beside this checkout");
    Set<String> original = new TreeSet<>();
    String conventions = Files.readString(reference);
    String names =
        conventions.substring(
            conventions.indexOf("Environment names:"), conventions.indexOf("## Gateway"));
    Matcher name = NAME.matcher(names);
    while (name.find()) {
      original.add(name.group(1));
    }
    String book = Files.readString(runbook);
    int tuning = book.indexOf("## Performance Tuning");
    String section = book.substring(tuning, book.indexOf("\n## ", tuning + 1));
    Matcher assignment = Pattern.compile("(?m)^([A-Z][A-Z0-9_]+)=").matcher(section);
    Set<String> tuned = new TreeSet<>();
    while (assignment.find()) {
      tuned.add(assignment.group(1));
    }

    assertThat(tuned)
        .containsExactlyInAnyOrder(
            "MAX_REQUEST_SIZE",
            "PII_REDACTION_ENABLED",
            "DTE_WORKERS",
            "DTE_CACHE_ENABLED",
            "EVIDENCE_BATCH_SIZE",
            "EVIDENCE_COMPRESSION_LEVEL");
    assertThat(original).hasSizeGreaterThan(15);
    assertThat(documented()).containsAll(original).containsAll(tuned);
  }

  @Test
  void theEnvTemplateListsEveryVariableAServerReads() throws IOException {
    String template = Files.readString(root().resolve(".env.template"));
    Set<String> listed = new TreeSet<>();
    Matcher line = Pattern.compile("(?m)^#? ?([A-Z][A-Z0-9_]+)=").matcher(template);
    while (line.find()) {
      listed.add(line.group(1));
    }
    Set<String> serverRead = new TreeSet<>();
    Set<String> excluded = new TreeSet<>(launcher());
    for (Effect effect : EFFECTS) {
      (effect.notInEnvTemplate() == null ? serverRead : excluded).add(effect.variable());
    }

    assertThat(listed).as(".env.template").containsAll(serverRead);
    assertThat(listed)
        .as(".env.template lists only what a server reads from it")
        .doesNotContainAnyElementsOf(excluded);
  }
}
