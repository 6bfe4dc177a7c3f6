package dev.atomic.dte;

/**
 * One batch of a spec, for a mission's execute step.
 *
 * @param batch the batch number, from 1
 * @param batchSize files per batch; the same for every batch of a mission
 */
public record DteBatchRequest(ChangeSpec spec, String workingDir, int batch, int batchSize) {}
