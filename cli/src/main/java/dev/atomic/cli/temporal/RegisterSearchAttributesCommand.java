package dev.atomic.cli.temporal;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.mission.MissionSearchAttributes;
import dev.atomic.platform.TemporalConnection;
import io.grpc.StatusRuntimeException;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "register-search-attributes",
    mixinStandardHelpOptions = true,
    description = {
      "Register the mission search attributes (Keyword: AtomicMissionStatus, AtomicCheckpoint,"
          + " AtomicRisk) in the Temporal namespace, ahead of a rollout (the Helm chart's hook"
          + " runs it). Attributes already there are left as they are.",
      "Connects with TEMPORAL_TLS_* and TEMPORAL_API_KEY as the platform does. Exit 0 when all"
          + " are registered, 1 when the server refuses (e.g. no permission).",
    })
class RegisterSearchAttributesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--temporal",
      defaultValue = "${env:TEMPORAL_ADDRESS:-127.0.0.1:7233}",
      description = "Temporal frontend HOST:PORT (env TEMPORAL_ADDRESS, default ${DEFAULT-VALUE}).")
  String temporal;

  @Option(
      names = "--namespace",
      defaultValue = "${env:TEMPORAL_NAMESPACE:-default}",
      description = "Temporal namespace (env TEMPORAL_NAMESPACE, default ${DEFAULT-VALUE}).")
  String namespace;

  @Override
  public Integer call() {
    TemporalConnection connection;
    try {
      connection = TemporalConnection.from(System::getenv);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
    WorkflowServiceStubsOptions target =
        connection
            .applyTo(
                WorkflowServiceStubsOptions.newBuilder()
                    .setTarget(temporal)
                    .setRpcTimeout(Duration.ofSeconds(30)))
            .build();
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder(target).validateAndBuildWithDefaults());
    PrintWriter out = spec.commandLine().getOut();
    try {
      MissionSearchAttributes.register(
          operator,
          namespace,
          Duration.ofSeconds(30),
          (name, isNew) -> {
            out.println(
                isNew
                    ? "registered " + name + " (Keyword) in " + namespace
                    : name + " is already registered in " + namespace);
            out.flush();
          });
    } catch (StatusRuntimeException e) {
      throw new CliException(
          ExitCodes.FAILED,
          "cannot register the search attributes in namespace "
              + namespace
              + " at "
              + temporal
              + ": "
              + e.getStatus().getCode()
              + (e.getStatus().getDescription() == null
                  ? ""
                  : " " + e.getStatus().getDescription()));
    } finally {
      operator.shutdown();
    }
    return ExitCodes.OK;
  }
}
