package dev.atomic.cli.mission;

import picocli.CommandLine.Option;

/** What approve and reject take. */
class DecisionOptions {

  @Option(names = "--mission", required = true, description = "Mission id (M-…).")
  String missionId;

  @Option(
      names = "--checkpoint",
      required = true,
      description = "plan, execute, verify or finalize.")
  String checkpoint;

  @Option(names = "--comment", description = "Why; recorded with the decision.")
  String comment;
}
