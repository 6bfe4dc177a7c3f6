package dev.atomic.cli.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.RestOptions;
import dev.atomic.cli.mission.AtomicClient;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atomic evidence import FILE}: restores a backup written by {@code evidence backup}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Restore a mission's evidence from its backup (POST /evidence/import, role admin) into a"
          + " store without that mission's events. The platform verifies the whole chain first"
          + " and writes nothing when an event was changed, removed or moved.",
      "Exit 0 when restored (or already stored as is), 2 when the backup is refused (the first"
          + " bad event on stderr), 4 when the store holds other events of the mission."
    })
class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions client;

  @Parameters(index = "0", paramLabel = "FILE", description = "The backup (JSON).")
  Path file;

  @Override
  public Integer call() {
    JsonNode backup = read(file);
    JsonNode answer = new AtomicClient(client.url()).post("/evidence/import", backup);
    PrintWriter out = spec.commandLine().getOut();
    if (client.json()) {
      RestOptions.printJson(out, answer);
    } else if (answer.path("alreadyStored").asBoolean()) {
      out.printf(
          "%s already holds these %d events; nothing written (head %s hash %s)%n",
          answer.path("missionId").asText(),
          answer.path("events").asInt(),
          answer.at("/head/id").asText(),
          answer.at("/head/hash").asText());
    } else {
      out.printf(
          "restored %d events of %s; chain verified, head %s hash %s%n",
          answer.path("imported").asInt(),
          answer.path("missionId").asText(),
          answer.at("/head/id").asText(),
          answer.at("/head/hash").asText());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static JsonNode read(Path file) {
    try {
      JsonNode backup = Json.mapper().readTree(Files.readString(file));
      if (backup == null || !backup.isObject()) {
        throw new CliException(
            ExitCodes.USAGE,
            file + " is not an evidence backup (a JSON object from atomic evidence backup)");
      }
      return backup;
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.USAGE, "no such file: " + file);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CliException(ExitCodes.USAGE, file + " is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
    }
  }
}
