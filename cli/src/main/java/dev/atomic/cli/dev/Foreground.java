package dev.atomic.cli.dev;

import java.util.concurrent.CountDownLatch;

/** Keeps a server command in the foreground until the JVM is asked to stop (Ctrl-C, SIGTERM). */
final class Foreground {

  private Foreground() {}

  /** Blocks until shutdown; {@code stop} runs once, in the shutdown hook. */
  static void awaitShutdown(String name, Runnable stop) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    stop.run();
                  } finally {
                    stopped.countDown();
                  }
                },
                name + "-shutdown"));
    stopped.await();
  }
}
