package dev.atomic.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class WorkerQueuesTest {

  /** One worker definition, bound as the Temporal starter binds its list. */
  record Worker(
      String taskQueue, String name, List<String> workflowClasses, List<String> activityBeans) {}

  private static List<Worker> workers(StandardEnvironment environment) {
    return Binder.get(environment)
        .bind("spring.temporal.workers", Bindable.listOf(Worker.class))
        .orElse(List.of());
  }

  /** The worker definitions as atomic-workers.yml gives them, plus the chosen queues. */
  private static StandardEnvironment environment(String queues) {
    Map<String, Object> yml = new LinkedHashMap<>();
    String[][] workers = {
      {"atomic-missions", "dev.atomic.mission.MissionWorkflowImpl", "missionActivities"},
      {"atomic-dte", "dev.atomic.dte.DteJobWorkflowImpl", "dteActivities"},
      {"atomic-evidence", null, "evidenceActivities"}
    };
    for (int i = 0; i < workers.length; i++) {
      yml.put("spring.temporal.workers[" + i + "].task-queue", workers[i][0]);
      yml.put("spring.temporal.workers[" + i + "].name", workers[i][0]);
      if (workers[i][1] != null) {
        yml.put("spring.temporal.workers[" + i + "].workflow-classes[0]", workers[i][1]);
      }
      yml.put("spring.temporal.workers[" + i + "].activity-beans[0]", workers[i][2]);
    }
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addLast(new MapPropertySource("yml", yml));
    if (queues != null) {
      environment
          .getPropertySources()
          .addFirst(new MapPropertySource("args", Map.of(WorkerQueues.PROPERTY, queues)));
    }
    new WorkerQueues().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }

  @Test
  void aWorkerGroupPollsOnlyItsQueues() {
    List<Worker> workers = workers(environment("atomic-evidence, atomic-dte"));

    assertThat(workers)
        .extracting(Worker::taskQueue)
        .containsExactly("atomic-dte", "atomic-evidence");
    assertThat(workers.get(0).workflowClasses())
        .containsExactly("dev.atomic.dte.DteJobWorkflowImpl");
    assertThat(workers.get(1).activityBeans()).containsExactly("evidenceActivities");
    assertThat(workers.get(1).workflowClasses()).isNull();
  }

  @Test
  void theVariableAsADotEnvFileNamesItChoosesTheQueuesAndTheOptionWins() {
    StandardEnvironment fromDotEnv = new StandardEnvironment();
    fromDotEnv
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                ".env", Map.of(WorkerQueues.VARIABLE, "atomic-dte", "unrelated", "x")));
    assertThat(WorkerQueues.configured(fromDotEnv)).isEqualTo("atomic-dte");
    fromDotEnv
        .getPropertySources()
        .addFirst(new MapPropertySource("args", Map.of(WorkerQueues.PROPERTY, "atomic-evidence")));
    assertThat(WorkerQueues.configured(fromDotEnv)).isEqualTo("atomic-evidence");
  }

  @Test
  void byDefaultEveryQueueIsPolled() {
    assertThat(workers(environment(null)))
        .extracting(Worker::taskQueue)
        .containsExactly("atomic-missions", "atomic-dte", "atomic-evidence");
    assertThat(WorkerQueues.served("all"))
        .contains("atomic-missions", "atomic-evidence")
        .hasSize(5);
  }

  @Test
  void anUnknownQueueStopsTheProcessNamingTheKnownOnes() {
    assertThatThrownBy(() -> environment("atomic-dte,atomic-dtee"))
        .hasMessageContaining("unknown task queue 'atomic-dtee'")
        .hasMessageContaining("atomic-missions, atomic-dte, atomic-evidence");
  }
}
