package dev.atomic.dte.batches;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Which applied batches depend on a batch, directly or through others. */
public final class Dependents {

  private Dependents() {}

  /**
   * The batches, in their order, that are still applied and depend on {@code batchId}.
   *
   * @param applied whether a batch is still on the branch (not reverted)
   */
  public static <T> List<T> of(
      List<T> batches,
      String batchId,
      Function<T, String> id,
      Function<T, List<String>> dependsOn,
      Predicate<T> applied) {
    Set<String> reached = new LinkedHashSet<>(List.of(batchId));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (T batch : batches) {
        List<String> needs = dependsOn.apply(batch);
        if (applied.test(batch)
            && !reached.contains(id.apply(batch))
            && needs != null
            && needs.stream().anyMatch(reached::contains)) {
          reached.add(id.apply(batch));
          grew = true;
        }
      }
    }
    reached.remove(batchId);
    return batches.stream().filter(b -> reached.contains(id.apply(b))).toList();
  }
}
