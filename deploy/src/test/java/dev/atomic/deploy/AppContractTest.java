package dev.atomic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart against what the application reads, listens on and answers. */
class AppContractTest {

  static Stream<Rendered> installs() {
    return Stream.of(Chart.defaults(), Chart.production());
  }

  @ParameterizedTest
  @MethodSource("installs")
  void everyVariableThePodsGetIsOneTheAppReads(Rendered rendered) {
    Set<String> known = AppSources.documentedVariables();
    known.addAll(AppSources.variablesReadByTheApp());
    for (PodTemplateSpec template : rendered.podTemplates()) {
      for (Container container : Rendered.containers(template.getSpec())) {
        assertThat(rendered.environment(container).keySet())
            .as("variables of container %s", container.getName())
            .isSubsetOf(known);
      }
    }
  }

  @Test
  void theProbePathsAreTheActuatorProbeGroupsTheAppConfigures() {
    JsonNode management = AppSources.yaml(AppSources.CONFIG_FILES.get(0)).path("management");
    assertThat(
            management.path("endpoint").path("health").path("probes").path("enabled").asBoolean())
        .isTrue();
    assertThat(management.path("endpoints").path("web").path("exposure").path("include").asText())
        .contains("health");
    assertThat(management.path("endpoints").path("web").has("base-path")).isFalse();
    assertThat(
            management
                .path("endpoint")
                .path("health")
                .path("group")
                .path("readiness")
                .path("include")
                .asText())
        .contains("readinessState", "db");

    for (Deployment deployment : Chart.production().all(Deployment.class)) {
      Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
      assertThat(path(container.getLivenessProbe())).isEqualTo("/actuator/health/liveness");
      assertThat(path(container.getStartupProbe())).isEqualTo("/actuator/health/liveness");
      assertThat(path(container.getReadinessProbe())).isEqualTo("/actuator/health/readiness");
      Set<String> portNames =
          container.getPorts().stream().map(ContainerPort::getName).collect(Collectors.toSet());
      assertThat(portNames)
          .contains(container.getLivenessProbe().getHttpGet().getPort().getStrVal());
    }
  }

  @Test
  void theApiListensWhereTheAppDoesAndItsServiceReachesEveryPort() {
    Rendered rendered = Chart.production();
    Container api = rendered.api().getSpec().getTemplate().getSpec().getContainers().get(0);
    Map<String, String> env = rendered.environment(api);
    Map<String, Integer> ports =
        api.getPorts().stream()
            .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));

    assertThat(env).containsEntry("ATOMIC_PORT", String.valueOf(ports.get("http")));
    assertThat(ports.get("http")).isEqualTo(Integer.parseInt(AppSources.defaultOf("ATOMIC_PORT")));
    assertThat(env).containsEntry("ATOMIC_SERVICE_PORTS_ENABLED", "true");
    Map<String, String> variables =
        Map.of(
            "gateway", "GATEWAY_PORT",
            "orchestrator", "ORCHESTRATOR_PORT",
            "dte", "DTE_PORT",
            "finops", "FINOPS_PORT",
            "evidence", "EVIDENCE_PORT");
    variables.forEach(
        (name, variable) ->
            assertThat(ports.get(name))
                .as(name)
                .isEqualTo(Integer.parseInt(AppSources.defaultOf(variable))));

    Service service = rendered.apiService();
    for (ServicePort port : service.getSpec().getPorts()) {
      assertThat(ports).containsKey(port.getTargetPort().getStrVal());
    }
    assertThat(service.getSpec().getPorts())
        .extracting(ServicePort::getName)
        .containsExactlyInAnyOrder("http", "gateway", "orchestrator", "dte", "finops", "evidence");
    assertThat(service.getSpec().getPorts())
        .filteredOn(p -> !p.getName().equals("http"))
        .extracting(ServicePort::getPort)
        .containsExactlyInAnyOrder(3001, 3002, 3003, 3004, 3005);
  }

  @Test
  void withoutServicePortsOnlyTheMainPortIsOpen() {
    Rendered rendered = Chart.defaults();
    Container api = rendered.api().getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(api.getPorts()).extracting(ContainerPort::getName).containsExactly("http");
    assertThat(rendered.apiService().getSpec().getPorts())
        .extracting(ServicePort::getName)
        .containsExactly("http");
    assertThat(rendered.environment(api)).containsEntry("ATOMIC_SERVICE_PORTS_ENABLED", "false");
  }

  @Test
  void workersServeHealthOnThePortTheyAreToldAndTheDocumentedDefault() {
    Rendered rendered = Chart.defaults();
    String documented =
        Arrays.stream(AppSources.read(AppSources.CONFIGURATION_DOC).split("\n"))
            .filter(line -> line.startsWith("| `WORKER_PORT`"))
            .findFirst()
            .orElseThrow()
            .split("\\|")[2]
            .replace("`", "")
            .strip();
    for (Deployment deployment : rendered.workers()) {
      Container worker = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
      assertThat(worker.getPorts())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(String.valueOf(p.getContainerPort())).isEqualTo(documented);
              });
      assertThat(rendered.environment(worker)).containsEntry("WORKER_PORT", documented);
    }
  }

  @Test
  void temporalTlsFilesArePathsIntoTheMountedSecret() {
    Rendered rendered = Chart.production();
    for (PodTemplateSpec template : rendered.podTemplates()) {
      Volume tls =
          template.getSpec().getVolumes().stream()
              .filter(v -> v.getName().equals("temporal-tls"))
              .findFirst()
              .orElseThrow();
      assertThat(tls.getSecret().getSecretName()).isEqualTo("atomic-temporal-mtls");
      for (Container container : template.getSpec().getContainers()) {
        Map<String, String> env = rendered.environment(container);
        assertThat(env)
            .containsEntry("TEMPORAL_ADDRESS", "temporal-frontend.temporal.svc.cluster.local:7233")
            .containsEntry("TEMPORAL_NAMESPACE", "atomic")
            .containsEntry("TEMPORAL_TLS_CERT", "/etc/atomic/temporal-tls/tls.crt")
            .containsEntry("TEMPORAL_TLS_KEY", "/etc/atomic/temporal-tls/tls.key")
            .containsEntry("TEMPORAL_TLS_CA", "/etc/atomic/temporal-tls/ca.crt")
            .containsEntry(
                "TEMPORAL_TLS_SERVER_NAME", "temporal-frontend.temporal.svc.cluster.local");
        assertThat(container.getVolumeMounts())
            .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/atomic/temporal-tls"));
      }
    }
  }

  @Test
  void aTemporalApiKeyComesFromItsSecret() {
    Rendered rendered =
        Chart.template(List.of(), Map.of("temporal.apiKey.existingSecret", "temporal-cloud"));
    Container api = rendered.api().getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(api.getEnv())
        .filteredOn(e -> e.getName().equals("TEMPORAL_API_KEY"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getValue()).isNull();
              assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("temporal-cloud");
              assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("TEMPORAL_API_KEY");
            });
  }

  private static String path(Probe probe) {
    return probe.getHttpGet().getPath();
  }
}
