package dev.atomic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.platform.TaskQueues;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorkerGroupsTest {

  static Stream<Rendered> installs() {
    return Stream.of(Chart.defaults(), Chart.production());
  }

  private static Container worker(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static List<String> queues(Rendered rendered, Deployment deployment) {
    String value = rendered.environment(worker(deployment)).get("ATOMIC_WORKER_QUEUES");
    assertThat(value)
        .as("ATOMIC_WORKER_QUEUES of %s", deployment.getMetadata().getName())
        .isNotBlank();
    return Arrays.asList(value.split(","));
  }

  @ParameterizedTest
  @MethodSource("installs")
  void eachGroupPollsTaskQueuesTheCodeDefinesAndTogetherTheyServeThemAll(Rendered rendered) {
    List<String> served = new ArrayList<>();
    for (Deployment deployment : rendered.workers()) {
      List<String> queues = queues(rendered, deployment);
      assertThat(TaskQueues.ALL).containsAll(queues);
      assertThat(worker(deployment).getArgs()).containsExactly("worker", "--sticky");
      served.addAll(queues);
    }
    assertThat(served).containsExactlyInAnyOrderElementsOf(TaskQueues.ALL);
  }

  @Test
  void theDefaultGroupsKeepTheDteApart() {
    Rendered rendered = Chart.defaults();

    assertThat(queues(rendered, rendered.worker("core")))
        .containsExactly(
            TaskQueues.MISSIONS, TaskQueues.GATEWAY, TaskQueues.FINOPS, TaskQueues.EVIDENCE);
    assertThat(queues(rendered, rendered.worker("dte"))).containsExactly(TaskQueues.DTE);
  }

  @ParameterizedTest
  @MethodSource("installs")
  void aPodOutlivesTheLongestActivityOfItsQueuesAndDrainsWithinItsGracePeriod(Rendered rendered) {
    Map<String, Duration> longest = AppSources.longestActivityPerQueue();
    assertThat(longest).containsKey(TaskQueues.DTE);
    for (Deployment deployment : rendered.workers()) {
      Duration needed =
          queues(rendered, deployment).stream()
              .map(q -> longest.getOrDefault(q, Duration.ZERO))
              .reduce(
                  longest.getOrDefault("*", Duration.ZERO), (a, b) -> a.compareTo(b) >= 0 ? a : b);
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();
      Duration grace = Duration.ofSeconds(pod.getTerminationGracePeriodSeconds());
      Duration drain =
          Duration.parse(
              "PT"
                  + rendered
                      .environment(worker(deployment))
                      .get("ATOMIC_WORKER_SHUTDOWN_TIMEOUT")
                      .toUpperCase());

      assertThat(drain).as("drain of %s", deployment.getMetadata().getName()).isGreaterThan(needed);
      assertThat(grace).isGreaterThan(drain);
      assertThat(
              deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
          .isZero();
    }
  }

  @Test
  void theDteActivitiesOfAnHourSetTheDteGroupsGracePeriod() {
    assertThat(AppSources.longestActivityPerQueue())
        .containsEntry(TaskQueues.DTE, Duration.ofMinutes(60));
  }

  @ParameterizedTest
  @MethodSource("installs")
  void aGroupHasOneAutoscalerAtMost(Rendered rendered) {
    for (Deployment deployment : rendered.all(Deployment.class)) {
      String name = deployment.getMetadata().getName();
      long hpas =
          rendered.all(HorizontalPodAutoscaler.class).stream()
              .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name))
              .count();
      long scaledObjects =
          rendered.all(Keda.ScaledObject.class).stream()
              .filter(s -> s.spec().scaleTargetRef().name().equals(name))
              .count();
      assertThat(hpas + scaledObjects).as("autoscalers of %s", name).isLessThanOrEqualTo(1);
      // An autoscaled Deployment leaves its replica count to the autoscaler.
      if (hpas + scaledObjects == 1) {
        assertThat(deployment.getSpec().getReplicas()).as("replicas of %s", name).isNull();
      }
    }
  }

  @Test
  void kedaScalesTheDteGroupOnItsTaskQueueWithThePodsTemporalCredentials() {
    Rendered rendered = Chart.production();
    Keda.ScaledObject scaled = rendered.all(Keda.ScaledObject.class).get(0);

    assertThat(scaled.spec().scaleTargetRef().name()).isEqualTo("atomic-worker-dte");
    assertThat(scaled.spec().triggers())
        .singleElement()
        .satisfies(
            trigger -> {
              assertThat(trigger.type()).isEqualTo("temporal");
              assertThat(trigger.metadata())
                  .containsEntry("taskQueue", TaskQueues.DTE)
                  .containsEntry("endpoint", "temporal-frontend.temporal.svc.cluster.local:7233")
                  .containsEntry("namespace", "atomic")
                  .containsEntry("targetQueueSize", "2")
                  .containsEntry("tlsServerName", "temporal-frontend.temporal.svc.cluster.local");
              assertThat(trigger.authenticationRef().name()).isEqualTo("atomic-temporal");
            });
    Keda.TriggerAuthentication auth = rendered.all(Keda.TriggerAuthentication.class).get(0);
    assertThat(auth.metadata().name()).isEqualTo("atomic-temporal");
    assertThat(auth.spec().secretTargetRef())
        .extracting(
            Keda.SecretTargetRef::parameter, Keda.SecretTargetRef::name, Keda.SecretTargetRef::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cert", "atomic-temporal-mtls", "tls.crt"),
            org.assertj.core.groups.Tuple.tuple("key", "atomic-temporal-mtls", "tls.key"),
            org.assertj.core.groups.Tuple.tuple("ca", "atomic-temporal-mtls", "ca.crt"));
  }

  @ParameterizedTest
  @MethodSource("installs")
  void thePodsThatSignAuditPacksMountTheSigningKey(Rendered rendered) {
    List<Deployment> signers = new ArrayList<>(List.of(rendered.api()));
    rendered.workers().stream()
        .filter(d -> queues(rendered, d).contains(TaskQueues.EVIDENCE))
        .forEach(signers::add);
    for (Deployment deployment : signers) {
      Container container = worker(deployment);
      String file = rendered.environment(container).get("ATOMIC_SIGNING_KEY_FILE");
      assertThat(file).isEqualTo("/etc/atomic/signing/audit-signing-key.pem");
      assertThat(container.getVolumeMounts())
          .anySatisfy(
              m -> {
                assertThat(m.getMountPath()).isEqualTo("/etc/atomic/signing");
                assertThat(m.getReadOnly()).isTrue();
              });
    }
    assertThat(rendered.environment(worker(rendered.worker("dte"))))
        .doesNotContainKey("ATOMIC_SIGNING_KEY_FILE");
  }
}
