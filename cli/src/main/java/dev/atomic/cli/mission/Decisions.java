package dev.atomic.cli.mission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.mission.CheckpointName;
import dev.atomic.mission.CheckpointStatus;
import dev.atomic.mission.Mission;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Approve and reject: a Temporal signal when {@code --temporal} is given, REST otherwise. Either
 * way the command checks the state first and prints the mission after the decision.
 */
final class Decisions {

  private static final long SIGNAL_WAIT_MILLIS = 15_000;

  private Decisions() {}

  static int decide(
      PrintWriter out, ClientOptions client, DecisionOptions options, boolean approve) {
    CheckpointName checkpoint;
    try {
      checkpoint = CheckpointName.parse(options.checkpoint);
    } catch (IllegalArgumentException e) {
      throw new CliException(
          ExitCodes.NOT_FOUND,
          "Checkpoint not found: '"
              + options.checkpoint
              + "'; checkpoints are plan, execute, verify, finalize");
    }
    JsonNode mission =
        client.temporal == null || client.temporal.isBlank()
            ? viaRest(client, options, checkpoint, approve)
            : viaSignal(client, options, checkpoint, approve);
    MissionPrinter.print(out, mission, client.json());
    return ExitCodes.OK;
  }

  private static JsonNode viaRest(
      ClientOptions client, DecisionOptions options, CheckpointName checkpoint, boolean approve) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("actor", client.actor());
    if (options.comment != null) {
      body.put("comment", options.comment);
    }
    String path =
        "/missions/"
            + AtomicClient.segment(options.missionId)
            + "/checkpoints/"
            + checkpoint.wire()
            + (approve ? "/approve" : "/reject");
    return new AtomicClient(client.url()).post(path, body);
  }

  private static JsonNode viaSignal(
      ClientOptions client, DecisionOptions options, CheckpointName checkpoint, boolean approve) {
    try (TemporalMissions temporal = new TemporalMissions(client.temporal, client.namespace)) {
      Mission before = temporal.mission(options.missionId);
      if (before.status().isFinished()) {
        throw new CliException(
            ExitCodes.CONFLICT,
            "mission "
                + before.missionId()
                + " is "
                + before.status().wire()
                + "; it takes no decisions");
      }
      CheckpointStatus status = before.checkpoint(checkpoint).orElseThrow().status();
      if (status != CheckpointStatus.AWAITING_APPROVAL) {
        throw new CliException(
            ExitCodes.CONFLICT,
            "checkpoint " + checkpoint.wire() + " is " + status.wire() + ", not awaiting_approval");
      }
      // The workflow counts the signal only with a decision token the API issues to this caller.
      String token =
          new AtomicClient(client.url())
              .decisionToken(options.missionId, checkpoint, approve, client.actor());
      temporal.signal(
          options.missionId, approve, checkpoint, client.actor(), options.comment, token);
      long deadline = System.currentTimeMillis() + SIGNAL_WAIT_MILLIS;
      while (System.currentTimeMillis() < deadline) {
        Mission after = temporal.mission(options.missionId);
        if (after.checkpoint(checkpoint).orElseThrow().decision() != null
            || after.status().isFinished()) {
          return MissionPrinter.tree(after);
        }
        sleep();
      }
      throw new CliException(
          ExitCodes.FAILED,
          "signal sent, but the mission did not record the decision within 15 s (see its"
              + " SignalIgnored events: atomic evidence events "
              + options.missionId
              + ")");
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.FAILED, "interrupted");
    }
  }
}
