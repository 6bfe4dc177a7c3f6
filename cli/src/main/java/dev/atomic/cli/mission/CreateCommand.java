package dev.atomic.cli.mission;

import dev.atomic.cli.ExitCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "create", mixinStandardHelpOptions = true, description = "Start a mission.")
class CreateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions client;

  @Option(names = "--title", required = true, description = "What the mission does.")
  String title;

  @Option(
      names = "--risk",
      defaultValue = "medium",
      description = "low, medium or high (default ${DEFAULT-VALUE}).")
  String risk;

  @Option(
      names = "--repository",
      description =
          "Git repository to change (https:// URL, or a local path/file:// URL under the allowed roots): a governed mission.")
  String repository;

  @Option(
      names = "--ref",
      description = "Base branch or tag of the repository (default: its default branch).")
  String ref;

  @Option(names = "--spec", description = "ChangeSpec file of a governed mission.")
  java.nio.file.Path specFile;

  @Option(names = "--batch-size", description = "Target files per batch (default 50).")
  Integer batchSize;

  @Option(names = "--budget-usd", description = "Budget of this mission (sets mission:<id>).")
  java.math.BigDecimal budgetUsd;

  @Option(
      names = "--approval-timeout",
      description = "How long a checkpoint may wait, e.g. 30m, 2h, PT1H.")
  String approvalTimeout;

  @Override
  public Integer call() throws java.io.IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("risk", risk);
    body.put("requestedBy", client.actor());
    if (repository != null) {
      String url = repository;
      if (!url.startsWith("https://") && !url.startsWith("file:")) {
        url = java.nio.file.Path.of(url).toAbsolutePath().normalize().toUri().toString();
      }
      Map<String, Object> repo = new LinkedHashMap<>();
      repo.put("url", url);
      if (ref != null) {
        repo.put("ref", ref);
      }
      body.put("repository", repo);
    }
    if (specFile != null) {
      if (!java.nio.file.Files.isRegularFile(specFile)) {
        throw new dev.atomic.cli.CliException(ExitCodes.USAGE, "--spec: no such file: " + specFile);
      }
      body.put(
          "changeSpec",
          dev.atomic.platform.Json.mapper().readTree(java.nio.file.Files.readString(specFile)));
    }
    if (batchSize != null) {
      body.put("batchSize", batchSize);
    }
    if (budgetUsd != null) {
      body.put("budgetUsd", budgetUsd);
    }
    if (approvalTimeout != null) {
      body.put("approvalTimeout", approvalTimeout);
    }
    MissionPrinter.print(
        spec.commandLine().getOut(),
        new AtomicClient(client.url()).post("/missions", body),
        client.json());
    return ExitCodes.OK;
  }
}
