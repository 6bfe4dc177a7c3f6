package dev.atomic.cli.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.mission.AtomicClient;
import dev.atomic.cli.mission.ClientOptions;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atomic evidence export --mission M}: downloads the signed audit pack. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export a mission's signed audit pack (POST /evidence/export).")
class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions client;

  @Option(names = "--mission", required = true, description = "Mission id (M-…).")
  String missionId;

  @Option(
      names = {"-o", "--file"},
      defaultValue = "audit-pack.zip",
      description = "Where to write the pack (default ${DEFAULT-VALUE}).")
  Path file;

  @Option(
      names = "--change-spec",
      paramLabel = "FILE",
      description = "A ChangeSpec to include as changespec.json.")
  Path changeSpec;

  @Override
  public Integer call() throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("missionId", missionId);
    body.put("actor", client.actor());
    if (changeSpec != null) {
      body.put("changeSpec", readSpec(changeSpec));
    }
    AtomicClient.Download pack =
        new AtomicClient(client.url()).postForBytes("/evidence/export", body, "application/zip");
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, ".audit-pack-", ".tmp");
    try {
      Files.write(temporary, pack.body());
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "wrote %s: %d bytes, sha256 %s%n  signed by key id %s; export recorded as %s%n"
            + "  check it offline: atomic evidence verify %s%n",
        file,
        pack.body().length,
        pack.headers().firstValue("X-Atomic-Pack-Sha256").orElse("?"),
        pack.headers().firstValue("X-Atomic-Key-Id").orElse("?"),
        pack.headers().firstValue("X-Atomic-Event").orElse("?"),
        file);
    out.flush();
    return ExitCodes.OK;
  }

  private static JsonNode readSpec(Path path) {
    try {
      JsonNode spec = Json.mapper().readTree(Files.readString(path));
      if (spec == null || !spec.isObject()) {
        throw new CliException(ExitCodes.USAGE, "--change-spec " + path + " is not a JSON object");
      }
      return spec;
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.USAGE, "cannot read --change-spec " + path + ": " + e.getMessage());
    }
  }
}
