package dev.atomic.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.RestOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "list-keys",
    mixinStandardHelpOptions = true,
    description = "List API keys (never their secrets), revoked and expired ones too.")
class ListKeysCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions rest;

  @Override
  public Integer call() {
    JsonNode keys = rest.client().get("/admin/keys");
    PrintWriter out = spec.commandLine().getOut();
    if (rest.json()) {
      RestOptions.printJson(out, keys);
      return ExitCodes.OK;
    }
    out.printf("%-13s %-24s %-40s %s%n", "ID", "NAME", "ROLES", "STATE");
    for (JsonNode key : keys) {
      String state =
          key.hasNonNull("revokedAt")
              ? "revoked " + key.get("revokedAt").asText()
              : key.hasNonNull("expiresAt") ? "expires " + key.get("expiresAt").asText() : "active";
      out.printf(
          "%-13s %-24s %-40s %s%n",
          key.get("id").asText(), key.get("name").asText(), String.join(",", roles(key)), state);
    }
    return ExitCodes.OK;
  }

  static String[] roles(JsonNode key) {
    List<String> roles = new ArrayList<>();
    key.path("roles").forEach(role -> roles.add(role.asText()));
    return roles.toArray(String[]::new);
  }
}
