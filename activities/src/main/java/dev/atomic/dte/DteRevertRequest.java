package dev.atomic.dte;

/**
 * A revert on a mission's branch.
 *
 * @param batchId the batch to revert; null reverts every applied batch, newest first
 * @param cascade also revert the applied batches that depend on it, newest first
 */
public record DteRevertRequest(String repository, String branch, String batchId, boolean cascade) {}
