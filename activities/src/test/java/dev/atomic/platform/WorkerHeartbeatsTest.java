package dev.atomic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.testing.MovableClock;
import dev.atomic.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class WorkerHeartbeatsTest {

  private static final TestDatabase DATABASE = TestDatabase.h2();

  @AfterAll
  static void close() throws Exception {
    DATABASE.close();
  }

  @Test
  void aQueueHasLiveWorkersOnlyWhileTheyReport() throws Exception {
    MovableClock clock = new MovableClock("2026-12-06T10:00:00Z");
    WorkerHeartbeats heartbeats = new WorkerHeartbeats(new Database(DATABASE.dataSource()), clock);

    heartbeats.beat("host-a/1", List.of(TaskQueues.MISSIONS, TaskQueues.DTE));
    heartbeats.beat("host-b/2", List.of(TaskQueues.DTE));
    clock.advance(Duration.ofSeconds(5));
    heartbeats.beat("host-b/2", List.of(TaskQueues.DTE));

    assertThat(heartbeats.queue(TaskQueues.DTE).liveWorkers()).isEqualTo(2);
    assertThat(heartbeats.queue(TaskQueues.DTE).lastSeen())
        .contains(Instant.parse("2026-12-06T10:00:05Z"));
    assertThat(heartbeats.queue(TaskQueues.FINOPS).liveWorkers()).isZero();

    clock.advance(WorkerHeartbeats.LIVE.minusSeconds(2));
    assertThat(heartbeats.queue(TaskQueues.MISSIONS).liveWorkers())
        .as("host-a went quiet")
        .isZero();
    assertThat(heartbeats.queue(TaskQueues.DTE).liveWorkers()).isEqualTo(1);
  }
}
