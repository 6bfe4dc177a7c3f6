package dev.atomic.cli.mission;

import dev.atomic.cli.RestOptions;
import picocli.CommandLine.Option;

/**
 * How a mission command reaches the platform (REST, or Temporal for decisions), who acts, how it
 * prints.
 */
public class ClientOptions extends RestOptions {

  @Option(
      names = "--temporal",
      defaultValue = "${env:TEMPORAL_ADDRESS}",
      description =
          "Temporal frontend HOST:PORT (env TEMPORAL_ADDRESS). When set, approve and reject"
              + " send the Temporal signal directly.")
  String temporal;

  @Option(names = "--actor", description = "Who acts (default: the OS user).")
  String actor;

  @Option(
      names = "--namespace",
      defaultValue = "${env:TEMPORAL_NAMESPACE:-default}",
      description = "Temporal namespace (env TEMPORAL_NAMESPACE, default ${DEFAULT-VALUE}).")
  String namespace;

  /** Who acts: {@code --actor}, else the OS user. */
  public String actor() {
    if (actor != null && !actor.isBlank()) {
      return actor.trim();
    }
    String user = System.getProperty("user.name");
    return user == null || user.isBlank() ? "anonymous" : user;
  }
}
