package dev.atomic.dte;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A short DTE job behind {@code POST /dte/apply}: id {@code dte-<uuid>}, queue {@code atomic-dte}. */
@WorkflowInterface
public interface DteJobWorkflow {

  @WorkflowMethod(name = "DteJobWorkflow")
  DtePreview run(DteRequest request);
}
