package dev.atomic.cli.mission;

import picocli.CommandLine.Option;

/** How a command reaches the platform, and how it prints. */
public class ClientOptions {

  /** Output formats of read commands. */
  public enum Output {
    text,
    json
  }

  @Option(
      names = "--url",
      defaultValue = "${env:ATOMIC_URL:-http://localhost:8080}",
      description = "REST endpoint of Atomic (env ATOMIC_URL, default ${DEFAULT-VALUE}).")
  public String url;

  @Option(
      names = "--temporal",
      defaultValue = "${env:TEMPORAL_ADDRESS}",
      description =
          "Temporal frontend HOST:PORT (env TEMPORAL_ADDRESS). When set, approve and reject"
              + " send the Temporal signal directly.")
  String temporal;

  @Option(
      names = "--output",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Output output;

  @Option(
      names = "--actor",
      description = "Who acts (default: the OS user).")
  String actor;

  @Option(
      names = "--namespace",
      defaultValue = "${env:TEMPORAL_NAMESPACE:-default}",
      description = "Temporal namespace (env TEMPORAL_NAMESPACE, default ${DEFAULT-VALUE}).")
  String namespace;

  /** The REST endpoint ({@code --url}). */
  public String url() {
    return url;
  }

  /** Who acts: {@code --actor}, else the OS user. */
  public String actor() {
    if (actor != null && !actor.isBlank()) {
      return actor.trim();
    }
    String user = System.getProperty("user.name");
    return user == null || user.isBlank() ? "anonymous" : user;
  }

  public boolean json() {
    return output == Output.json;
  }
}
