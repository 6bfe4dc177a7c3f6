package dev.atomic.cli.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.RestOptions;
import dev.atomic.cli.mission.AtomicClient;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atomic evidence backup M [-o FILE]}: the mission's timeline, byte for byte as {@code GET
 * /evidence/mission/{id}/events} answers it, which {@code atomic evidence import} restores.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Back up a mission's evidence: its timeline (GET /evidence/mission/{id}/events), every"
          + " event with its id, seq, timestamp and hashes. `atomic evidence import` restores it.",
      "Without -o the backup goes to standard output, as the runbook's curl writes it."
    })
class BackupCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions client;

  @Parameters(index = "0", arity = "0..1", paramLabel = "MISSION", description = "Mission id.")
  String mission;

  @Option(names = "--mission", description = "Mission id (M-…), instead of MISSION.")
  String missionOption;

  @Option(
      names = {"-o", "--file"},
      description = "Where to write the backup (default: standard output).")
  Path file;

  @Override
  public Integer call() throws IOException {
    String missionId = missionId();
    AtomicClient.Download timeline =
        new AtomicClient(client.url())
            .getBytes("/evidence/mission/" + AtomicClient.segment(missionId) + "/events");
    PrintWriter out = spec.commandLine().getOut();
    if (file == null) {
      out.print(new String(timeline.body(), StandardCharsets.UTF_8));
      out.println();
      out.flush();
      return ExitCodes.OK;
    }
    JsonNode parsed = Json.mapper().readTree(timeline.body());
    write(file, timeline.body());
    JsonNode events = parsed.path("events");
    JsonNode head = events.isEmpty() ? null : events.get(events.size() - 1);
    out.printf(
        "wrote %s: %d events of %s%s%n",
        file,
        events.size(),
        missionId,
        head == null
            ? ""
            : ", head " + head.path("id").asText() + " hash " + head.path("hash").asText());
    out.println("  keep the head hash apart from the file: a restored chain must end in it");
    out.flush();
    return ExitCodes.OK;
  }

  private String missionId() {
    if (mission != null && missionOption != null && !mission.equals(missionOption)) {
      throw new CliException(ExitCodes.USAGE, "give the mission once: MISSION or --mission");
    }
    String id = mission != null ? mission : missionOption;
    if (id == null || id.isBlank()) {
      throw new CliException(
          ExitCodes.USAGE, "which mission? atomic evidence backup M-… [-o FILE]");
    }
    return id.strip();
  }

  /** Writes through a temporary file, so a failed backup never leaves half a file behind. */
  static void write(Path file, byte[] bytes) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), ".evidence-backup-", ".tmp");
    try {
      Files.write(temporary, bytes);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
