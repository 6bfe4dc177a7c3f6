package dev.atomic.workers;

import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns sticky execution off when {@code atomic.workers.sticky=false}. Sticky queues save replays
 * on a real cluster, which moves work off a dead worker's sticky queue after a few seconds; the
 * embedded test server never does, so a worker restarted against it could not take over the
 * missions its predecessor had touched.
 */
@Component
class StickyExecution implements WorkerOptionsCustomizer {

  private final boolean sticky;

  StickyExecution(@Value("${atomic.workers.sticky:true}") boolean sticky) {
    this.sticky = sticky;
  }

  @Override
  public WorkerOptions.Builder customize(
      WorkerOptions.Builder options, String workerName, String taskQueue) {
    // A zero schedule-to-start timeout makes the SDK ask for no sticky queue at all.
    return sticky ? options : options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
  }
}
