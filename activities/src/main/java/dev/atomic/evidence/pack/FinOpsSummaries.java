package dev.atomic.evidence.pack;

/**
 * Where an audit pack's {@code finops.json} comes from: the tokens and cost recorded for a mission.
 * FinOps provides the implementation; until it does, packs declare the file absent.
 */
@FunctionalInterface
public interface FinOpsSummaries {

  /** The summary of {@code missionId}, or why there is none. */
  PackPart forMission(String missionId);

  /** The stand-in until FinOps records costs per mission. */
  static FinOpsSummaries notWired() {
    return missionId ->
        PackPart.absent(
            "FinOps does not record tokens or costs per mission yet, so there is none to report");
  }
}
