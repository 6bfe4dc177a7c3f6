package dev.atomic.dte;

import dev.atomic.dte.batches.PlannedBatch;

/**
 * One planned batch of a mission, to commit on its branch and push.
 *
 * @param repository the repository URL the mission targets
 * @param baseCommit the commit the plan was made on; every batch's edits are computed there
 * @param branch {@code atomic/<missionId>}
 * @param total how many batches the plan has, for the commit message
 */
public record DteBatchRequest(
    ChangeSpec spec,
    String repository,
    String baseCommit,
    String branch,
    PlannedBatch batch,
    int total) {}
