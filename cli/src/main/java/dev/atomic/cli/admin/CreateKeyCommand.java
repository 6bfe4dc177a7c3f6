package dev.atomic.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.RestOptions;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "create-key",
    mixinStandardHelpOptions = true,
    description = {
      "Create an API key and print it, once: only its digest is stored.",
      "Callers send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'; the CLI reads it",
      "from ATOMIC_API_KEY."
    })
class CreateKeyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions rest;

  @Option(names = "--name", required = true, description = "Who or what uses the key, e.g. ci-bot.")
  String name;

  @Option(
      names = "--roles",
      required = true,
      split = ",",
      description = "Comma-separated: requester, approver, auditor, operator, admin.")
  List<String> roles;

  @Option(
      names = "--expires-in-days",
      description = "Days until the key stops working (default: until revoked).")
  Integer expiresInDays;

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("roles", roles.stream().map(String::strip).toList());
    if (expiresInDays != null) {
      body.put("expiresInDays", expiresInDays);
    }
    JsonNode created = rest.client().post("/admin/keys", body);
    PrintWriter out = spec.commandLine().getOut();
    if (rest.json()) {
      RestOptions.printJson(out, created);
      return ExitCodes.OK;
    }
    out.println(created.get("key").asText());
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "API key "
            + created.get("id").asText()
            + " for "
            + created.get("name").asText()
            + " (roles "
            + String.join(",", Arrays.asList(ListKeysCommand.roles(created)))
            + (created.hasNonNull("expiresAt")
                ? ", expires " + created.get("expiresAt").asText()
                : ", until revoked")
            + "): shown only now; store it in a secret manager.");
    return ExitCodes.OK;
  }
}
