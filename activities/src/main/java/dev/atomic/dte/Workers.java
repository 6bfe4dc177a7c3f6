package dev.atomic.dte;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * The per-file work of the engine (reading, the round-trip check, diffs) runs on a fixed number of
 * threads ({@code DTE_WORKERS}, default: the number of cores). Results keep their input order, so
 * the output is the same whatever the thread count.
 */
public final class Workers {

  private final int threads;
  private ForkJoinPool pool;

  public Workers(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("DTE_WORKERS must be at least 1, got " + threads);
    }
    this.threads = threads;
  }

  public int threads() {
    return threads;
  }

  /** {@code items} mapped by {@code work}, in input order. */
  public <T, R> List<R> map(List<T> items, Function<T, R> work) {
    if (threads == 1 || items.size() < 2) {
      return items.stream().map(work).toList();
    }
    try {
      return pool().submit(() -> items.parallelStream().map(work).toList()).get();
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

  private synchronized ForkJoinPool pool() {
    if (pool == null) {
      pool =
          new ForkJoinPool(threads, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false);
    }
    return pool;
  }
}
