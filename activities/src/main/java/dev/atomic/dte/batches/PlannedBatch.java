package dev.atomic.dte.batches;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One batch of a plan: files that are committed together, the earlier batches it needs, and, where
 * it is larger than the batch size asked for or was merged, why.
 *
 * @param files paths after the change; a moved file's old path is removed in the same commit
 * @param dependsOn ids of earlier batches this one cannot stand without
 * @param reason why the batch is larger than the target, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedBatch(String id, List<String> files, List<String> dependsOn, String reason) {

  public PlannedBatch {
    files = List.copyOf(files);
    dependsOn = List.copyOf(dependsOn);
  }
}
