package dev.atomic.dte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.dte.git.Repositories;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DteJobWorkflowTest {

  @TempDir Path root;
  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void startWorker() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker("dte-test");
    worker.registerWorkflowImplementationTypes(DteJobWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new DteActivitiesImpl(
            DteEngine.fromEnvironment(),
            new WorkingDirectories(List.of(root.toString())),
            new Repositories(root.resolve(".repos"))));
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void aJobPreviewsOnTheWorkerAndItsHistoryReplays() throws Exception {
    Path repo = copyDemo();
    DteJobWorkflow job = job("dte-00000000-0000-0000-0000-000000000001");

    DtePreview preview =
        job.run(DteRequest.onDirectory(DteRequest.APPLY, cs001(), repo.toString(), true, 0))
            .applied();

    assertThat(preview.patches()).contains("src/main/java/com/acme/model/AccountId.java");
    WorkflowReplayer.replayWorkflowExecution(
        client.fetchHistory("dte-00000000-0000-0000-0000-000000000001"), DteJobWorkflowImpl.class);
  }

  @Test
  void aRefusalIsNotRetriedAndKeepsItsReasons() throws Exception {
    copyDemo();
    ChangeSpec typescript =
        new ChangeSpec(
            "CS-2",
            "x",
            List.of("src/**/*.java"),
            "typescript",
            null,
            List.of(
                new ChangeSpec.Patch(
                    null, "renameSymbol", "Identifier[name='UserId']", Map.of("newName", "A"))),
            null,
            null,
            null,
            null);
    DteJobWorkflow job = job("dte-00000000-0000-0000-0000-000000000002");

    assertThatThrownBy(
            () ->
                job.run(
                    DteRequest.onDirectory(DteRequest.APPLY, typescript, root.toString(), true, 0)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(DteActivitiesImpl.UNSUPPORTED);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .contains("language pack not available: typescript");
            });
    long attempts =
        client.fetchHistory("dte-00000000-0000-0000-0000-000000000002").getEvents().stream()
            .filter(e -> e.hasActivityTaskStartedEventAttributes())
            .count();
    assertThat(attempts).isEqualTo(1);
  }

  private DteJobWorkflow job(String id) {
    return client.newWorkflowStub(
        DteJobWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue("dte-test").build());
  }

  private Path copyDemo() {
    return DemoRepo.copyTo(root);
  }

  private static ChangeSpec cs001() {
    return DemoRepo.cs001();
  }
}
