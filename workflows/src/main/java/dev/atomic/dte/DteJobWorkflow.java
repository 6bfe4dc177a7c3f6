package dev.atomic.dte;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A short DTE job behind {@code POST /dte/apply} and {@code /dte/verify}: id {@code dte-<uuid>},
 * task queue {@code atomic-dte}.
 */
@WorkflowInterface
public interface DteJobWorkflow {

  @WorkflowMethod(name = "DteJobWorkflow")
  DteJobResult run(DteRequest request);
}
