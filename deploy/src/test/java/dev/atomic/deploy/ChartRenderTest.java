package dev.atomic.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartRenderTest {

  @TempDir Path temp;

  @Test
  void passesHelmLintStrict() {
    LintResult lint = new Helm(Chart.DIRECTORY).lint().strict().call();

    assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
  }

  @Test
  void theDefaultValuesRenderTheApiTwoWorkerGroupsAndTheHookAsValidObjects() {
    Rendered rendered = Chart.defaults();

    assertThat(rendered.objects()).hasSameSizeAs(rendered.documents());
    assertThat(rendered.all(Deployment.class))
        .extracting(d -> d.getMetadata().getName())
        .containsExactlyInAnyOrder("atomic-api", "atomic-worker-core", "atomic-worker-dte");
    assertThat(rendered.all(HorizontalPodAutoscaler.class))
        .extracting(h -> h.getSpec().getScaleTargetRef().getName())
        .containsExactlyInAnyOrder("atomic-worker-core", "atomic-worker-dte");
    assertThat(rendered.all(PodDisruptionBudget.class)).hasSize(3);
    assertThat(rendered.all(Job.class)).singleElement();
    assertThat(rendered.kinds())
        .doesNotContain("Ingress", "NetworkPolicy", "ServiceMonitor", "ScaledObject");
  }

  @Test
  void theProductionValuesRenderValidObjectsWithEveryOptionalPart() {
    Rendered rendered = Chart.production();

    assertThat(rendered.objects()).hasSameSizeAs(rendered.documents());
    assertThat(rendered.all(Keda.ScaledObject.class)).singleElement();
    assertThat(rendered.all(Keda.TriggerAuthentication.class)).singleElement();
    assertThat(rendered.all(Ingress.class)).singleElement();
    assertThat(rendered.all(NetworkPolicy.class)).hasSize(2);
    assertThat(rendered.all(ServiceMonitor.class))
        .extracting(m -> m.getMetadata().getName())
        .containsExactlyInAnyOrder("atomic-workers", "atomic-api");
    assertThat(rendered.api().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(
            "registry.example.com/platform/atomic@sha256:"
                + "4c6f3e1b9a0d2e7f8a5b6c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f");
  }

  @Test
  void theMigrationsJobRunsBeforeInstallAndUpgradeAndMigratesBeforeRegistering() {
    Job job = Chart.production().one(Job.class, "atomic-migrations");

    assertThat(job.getMetadata().getAnnotations())
        .containsEntry(Chart.HOOK, "pre-install,pre-upgrade")
        .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
    var pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getInitContainers())
        .singleElement()
        .satisfies(c -> assertThat(c.getArgs()).containsExactly("db", "migrate"));
    assertThat(pod.getContainers())
        .singleElement()
        .satisfies(
            c -> assertThat(c.getArgs()).containsExactly("temporal", "register-search-attributes"));
    // Before install, the release's ServiceAccount does not exist yet.
    assertThat(pod.getServiceAccountName()).isNull();
  }

  @Test
  void aDatabaseUrlGivenInlineGoesToTheChartsSecretAndTheHooksOwn() {
    Path values =
        Chart.valuesFile(
            temp,
            """
            database:
              existingSecret: null
              url: postgres://atomic:s3cr3t@postgres.db:5432/atomic
            """);

    Rendered rendered = Chart.template(List.of(values), Map.of());

    assertThat(rendered.one(Secret.class, "atomic").getStringData())
        .containsEntry("DATABASE_URL", "postgres://atomic:s3cr3t@postgres.db:5432/atomic");
    assertThat(rendered.one(Secret.class, "atomic-migrations").getMetadata().getAnnotations())
        .containsEntry(Chart.HOOK, "pre-install,pre-upgrade")
        .containsEntry("helm.sh/hook-weight", "-10");
    assertThat(rendered.api().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .anySatisfy(
            env -> {
              assertThat(env.getName()).isEqualTo("DATABASE_URL");
              assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("atomic");
            });
  }

  @Test
  void replicasThatAreNotANumberAreRefusedByTheSchema() {
    Path values =
        Chart.valuesFile(
            temp,
            """
            workers:
              - name: core
                queues: [atomic-missions]
                replicas: two
                resources: {}
                terminationGracePeriodSeconds: 900
                autoscaling: {mode: none}
            """);

    assertThatThrownBy(() -> Chart.template(List.of(values), Map.of()))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining("workers.0.replicas")
        .hasMessageContaining("Invalid type. Expected: integer, given: string");
  }

  @Test
  void aMisspeltKeyIsRefusedByTheSchema() {
    Path values =
        Chart.valuesFile(
            temp,
            """
            workers:
              - name: dte
                queues: [atomic-dte]
                replicas: 1
                resources: {}
                resoures: {requests: {cpu: "4"}}
                terminationGracePeriodSeconds: 3900
                autoscaling: {mode: none}
            """);

    assertThatThrownBy(() -> Chart.template(List.of(values), Map.of()))
        .hasMessageContaining("workers.0")
        .hasMessageContaining("Additional property resoures is not allowed");
  }

  @Test
  void anEmptyDatabaseSecretNameIsRefusedByTheSchema() {
    assertThatThrownBy(() -> Chart.template(List.of(), Map.of("database.existingSecret", "")))
        .hasMessageContaining("database.existingSecret")
        .hasMessageContaining("String length must be greater than or equal to 1");
  }

  @Test
  void temporalTlsWithoutItsSecretIsRefusedByTheSchema() {
    assertThatThrownBy(() -> Chart.template(List.of(), Map.of("temporal.tls.enabled", true)))
        .hasMessageContaining("temporal.tls.existingSecret")
        .hasMessageContaining("String length must be greater than or equal to 1");
  }

  @Test
  void anUnknownTaskQueueIsRefusedByTheSchema() {
    Path values =
        Chart.valuesFile(
            temp,
            """
            workers:
              - name: all
                queues: [atomic-missions, atomic-dtee]
                replicas: 1
                resources: {}
                terminationGracePeriodSeconds: 3900
                autoscaling: {mode: none}
            """);

    assertThatThrownBy(() -> Chart.template(List.of(values), Map.of()))
        .hasMessageContaining("workers.0.queues.1")
        .hasMessageContaining("must be one of the following");
  }

  @Test
  void theNotesTellTheNextStepsInTheReleasesNamespace() {
    String notes =
        new Helm(Chart.DIRECTORY)
            .install()
            .withName(Chart.RELEASE)
            .withNamespace("payments")
            .dryRun()
            .clientOnly()
            .call()
            .getOutput();

    assertThat(notes)
        .contains("kubectl --namespace payments get pods -l app.kubernetes.io/instance=atomic")
        .contains("kubectl --namespace payments port-forward svc/atomic-api 8080:8080")
        .contains("atomic-worker-dte: atomic-dte")
        .contains("AtomicMissionStatus");
  }
}
