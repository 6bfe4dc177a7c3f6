package dev.atomic.cli.finops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atomic finops policies import FILE}: puts back the policies of a backup, the list {@code
 * GET /policies/models} answers ({@code curl …/policies/models > backup/policies.json}).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Restore model policies from their backup (the list GET /policies/models answers): each"
          + " stored policy is put back with PUT /policies/models, replacing the policy of its"
          + " task. Shipped defaults (source: default) are skipped unless --include-defaults.",
      "Every entry is checked first; if one is malformed nothing is sent. Exit 0 when every"
          + " policy was put back, 2 naming each entry that was malformed or refused."
    })
class PoliciesImportCommand implements Callable<Integer> {

  private static final Set<String> MEMBERS =
      Set.of("task", "provider", "model", "budgetCeiling", "priority", "source");

  @Spec CommandSpec spec;
  @Mixin RestOptions rest;

  @Parameters(index = "0", paramLabel = "FILE", description = "The backup (a JSON array).")
  Path file;

  @Option(
      names = "--include-defaults",
      description = "Also store the entries that were shipped defaults at backup time.")
  boolean includeDefaults;

  /** One policy of the file, with where it came from for messages. */
  private record Entry(int position, String task, ObjectNode body, boolean shippedDefault) {
    String label() {
      return "entry " + position + (task == null ? "" : " (" + task + ")");
    }
  }

  @Override
  public Integer call() {
    List<Entry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    JsonNode list = read(file);
    for (int i = 0; i < list.size(); i++) {
      Entry entry = entry(list.get(i), i + 1, problems);
      if (entry != null) {
        entries.add(entry);
      }
    }
    if (!problems.isEmpty()) {
      throw new CliException(
          ExitCodes.USAGE,
          file
              + ": "
              + problems.size()
              + " malformed entr"
              + (problems.size() == 1 ? "y" : "ies")
              + ", nothing imported:\n  "
              + String.join("\n  ", problems));
    }
    PrintWriter out = spec.commandLine().getOut();
    AtomicClient client = rest.client();
    List<String> refused = new ArrayList<>();
    int stored = 0;
    int skipped = 0;
    for (Entry entry : entries) {
      if (entry.shippedDefault() && !includeDefaults) {
        skipped++;
        out.println(
            "skipped  " + entry.label() + ": a shipped default (--include-defaults stores it)");
        continue;
      }
      try {
        JsonNode answer = client.put("/policies/models", entry.body());
        out.println("stored   " + PoliciesCommand.line(answer));
        stored++;
      } catch (CliException e) {
        refused.add(entry.label() + ": " + e.getMessage());
        out.println("REFUSED  " + entry.label() + ": " + e.getMessage());
      }
    }
    out.printf(
        "%d polic%s put back, %d shipped default(s) skipped, %d refused%n",
        stored, stored == 1 ? "y" : "ies", skipped, refused.size());
    out.flush();
    if (!refused.isEmpty()) {
      throw new CliException(
          ExitCodes.USAGE,
          refused.size()
              + " of "
              + entries.size()
              + " policies not imported:\n  "
              + String.join("\n  ", refused));
    }
    return ExitCodes.OK;
  }

  /** The entry as a PUT body, or null with its problems noted. */
  private static Entry entry(JsonNode node, int position, List<String> problems) {
    if (node == null || !node.isObject()) {
      problems.add("entry " + position + ": must be a JSON object, got " + node);
      return null;
    }
    JsonNode taskNode = node.get("task");
    String task = taskNode != null && taskNode.isTextual() ? taskNode.textValue() : null;
    String where = "entry " + position + (task == null ? "" : " (" + task + ")");
    List<String> wrong = new ArrayList<>();
    Set<String> unknown = new TreeSet<>();
    node.fieldNames()
        .forEachRemaining(
            n -> {
              if (!MEMBERS.contains(n)) {
                unknown.add(n);
              }
            });
    if (!unknown.isEmpty()) {
      wrong.add("unknown member(s) " + unknown + "; allowed: " + new TreeSet<>(MEMBERS));
    }
    if (task == null || task.isBlank()) {
      wrong.add("'task' is required and must be a string");
    }
    JsonNode model = node.get("model");
    if (model == null || !model.isTextual() || model.textValue().isBlank()) {
      wrong.add("'model' is required and must be a string");
    }
    JsonNode provider = node.get("provider");
    if (provider != null && !provider.isNull() && !provider.isTextual()) {
      wrong.add("'provider' must be a string");
    }
    JsonNode ceiling = node.get("budgetCeiling");
    if (ceiling == null || !ceiling.isNumber() || ceiling.decimalValue().signum() < 0) {
      wrong.add("'budgetCeiling' is required and must be a number of USD, not negative");
    }
    JsonNode priority = node.get("priority");
    if (priority == null
        || !priority.isIntegralNumber()
        || !priority.canConvertToInt()
        || priority.intValue() < 0
        || priority.intValue() > 1000) {
      wrong.add("'priority' is required: a whole number from 0 to 1000");
    }
    JsonNode source = node.get("source");
    if (source != null
        && !source.isNull()
        && !(source.isTextual() && Set.of("stored", "default").contains(source.textValue()))) {
      wrong.add("'source' must be \"stored\" or \"default\"");
    }
    if (!wrong.isEmpty()) {
      problems.add(where + ": " + String.join("; ", wrong));
      return null;
    }
    ObjectNode body = ((ObjectNode) node).deepCopy();
    body.remove("source");
    boolean shippedDefault = source != null && "default".equals(source.asText());
    return new Entry(position, task, body, shippedDefault);
  }

  private static JsonNode read(Path file) {
    JsonNode list;
    try {
      list = Json.mapper().readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.USAGE, "no such file: " + file);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CliException(ExitCodes.USAGE, file + " is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
    }
    if (list == null || !list.isArray()) {
      throw new CliException(
          ExitCodes.USAGE,
          file + " is not a policies backup: a JSON array as GET /policies/models answers it");
    }
    return list;
  }
}
