package dev.atomic.dte;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * The per-file work of the engine (reading, the round-trip check, diffs) runs on
 * {@code DTE_WORKERS} threads (default: the number of cores). Results keep their input order,
 * so the output is the same whatever the thread count. Parsing itself stays one compilation,
 * because type attribution spans the whole scope.
 */
final class Workers {

  static volatile int count =
      Integer.parseInt(
          System.getenv().getOrDefault(
              "DTE_WORKERS",
              System.getProperty("atomic.dte.workers", String.valueOf(Runtime.getRuntime().availableProcessors()))));

  private static ForkJoinPool pool;
  private static int poolSize;

  private Workers() {}

  /** {@code items} mapped by {@code work}, in input order. */
  static <T, R> List<R> map(List<T> items, Function<T, R> work) {
    int threads = Math.max(1, count);
    if (threads == 1 || items.size() < 2) {
      return items.stream().map(work).toList();
    }
    try {
      return pool(threads).submit(() -> items.parallelStream().map(work).toList()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DteException.refused(List.of("interrupted"));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static synchronized ForkJoinPool pool(int threads) {
    if (pool == null || poolSize != threads) {
      if (pool != null) {
        pool.shutdown();
      }
      pool = new ForkJoinPool(threads);
      poolSize = threads;
    }
    return pool;
  }
}
