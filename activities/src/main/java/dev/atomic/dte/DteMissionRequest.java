package dev.atomic.dte;

/**
 * A mission's change on its repository.
 *
 * @param ref the base branch or tag; null for the remote's default branch
 * @param branch {@code atomic/<missionId>}, where the batches go
 * @param batchSize the target number of files per batch
 */
public record DteMissionRequest(
    String missionId,
    ChangeSpec spec,
    String repository,
    String ref,
    String branch,
    int batchSize) {}
