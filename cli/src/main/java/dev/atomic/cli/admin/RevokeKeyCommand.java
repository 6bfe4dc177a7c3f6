package dev.atomic.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.RestOptions;
import dev.atomic.cli.mission.AtomicClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "revoke-key",
    mixinStandardHelpOptions = true,
    description = "Revoke an API key at once; requests with it get 401 from then on.")
class RevokeKeyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions rest;

  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "The key's id (atomic admin list-keys).")
  String id;

  @Override
  public Integer call() {
    JsonNode revoked = rest.client().delete("/admin/keys/" + AtomicClient.segment(id));
    PrintWriter out = spec.commandLine().getOut();
    if (rest.json()) {
      RestOptions.printJson(out, revoked);
    } else {
      out.println(
          "revoked "
              + revoked.get("id").asText()
              + " ("
              + revoked.get("name").asText()
              + ") at "
              + revoked.get("revokedAt").asText());
    }
    return ExitCodes.OK;
  }
}
