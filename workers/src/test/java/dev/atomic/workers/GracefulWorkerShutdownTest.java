package dev.atomic.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class GracefulWorkerShutdownTest {

  private static final String QUEUE = "graceful-shutdown-test";

  @ActivityInterface
  public interface Slow {
    void work();
  }

  @WorkflowInterface
  public interface Job {
    @WorkflowMethod
    void run();
  }

  public static class JobImpl implements Job {
    private final Slow slow =
        Workflow.newActivityStub(
            Slow.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

    @Override
    public void run() {
      slow.work();
    }
  }

  /** Works for 1.5 s and says how it ended. */
  static final class SlowImpl implements Slow {
    final CountDownLatch started = new CountDownLatch(1);
    final AtomicReference<String> outcome = new AtomicReference<>("running");

    @Override
    public void work() {
      started.countDown();
      try {
        Thread.sleep(1500);
        outcome.set("finished");
      } catch (InterruptedException e) {
        outcome.set("interrupted");
        Thread.currentThread().interrupt();
      }
    }
  }

  private TestWorkflowEnvironment environment;
  private SlowImpl activity;

  @BeforeEach
  void startAnActivity() throws InterruptedException {
    environment = TestWorkflowEnvironment.newInstance();
    Worker worker = environment.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(JobImpl.class);
    activity = new SlowImpl();
    worker.registerActivitiesImplementations(activity);
    environment.start();
    WorkflowClient.start(
        environment
                .getWorkflowClient()
                .newWorkflowStub(
                    Job.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
            ::run);
    assertThat(activity.started.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @AfterEach
  void close() {
    environment.close();
  }

  @Test
  void letsARunningActivityFinishBeforeTheProcessGoesOn() {
    shutdown(Duration.ofSeconds(20)).stop();

    assertThat(activity.outcome.get()).isEqualTo("finished");
    assertThat(environment.getWorkerFactory().isTerminated()).isTrue();
  }

  @Test
  void interruptsWhatIsStillRunningWhenTheTimeoutIsOver() {
    shutdown(Duration.ofMillis(100)).stop();

    assertThat(activity.outcome.get()).isNotEqualTo("finished");
    assertThat(environment.getWorkerFactory().isShutdown()).isTrue();
  }

  private GracefulWorkerShutdown shutdown(Duration timeout) {
    WorkerFactory factory = environment.getWorkerFactory();
    StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("factory", factory));
    GracefulWorkerShutdown shutdown =
        new GracefulWorkerShutdown(beans.getBeanProvider(WorkerFactory.class), timeout);
    assertThat(shutdown.isRunning()).isTrue();
    return shutdown;
  }
}
