package dev.atomic.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The documents of one {@code helm template}, each also as its strict Kubernetes model. */
record Rendered(List<JsonNode> documents) {

  /** Every document as its model; fails on unknown fields, wrong types, missing fields. */
  List<Object> objects() {
    return documents.stream().map(StrictModel::read).toList();
  }

  <T> List<T> all(Class<T> type) {
    return objects().stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T> T one(Class<T> type, String name) {
    return named(type, name)
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }

  <T> Optional<T> named(Class<T> type, String name) {
    return all(type).stream().filter(o -> name.equals(StrictModel.name(o))).findFirst();
  }

  List<String> kinds() {
    return documents.stream().map(d -> d.path("kind").asText()).toList();
  }

  Deployment api() {
    return one(Deployment.class, Chart.RELEASE + "-api");
  }

  Service apiService() {
    return one(Service.class, Chart.RELEASE + "-api");
  }

  Deployment worker(String group) {
    return one(Deployment.class, Chart.RELEASE + "-worker-" + group);
  }

  List<Deployment> workers() {
    return all(Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().startsWith(Chart.RELEASE + "-worker-"))
        .toList();
  }

  /** Every pod template: Deployments and hook Jobs. */
  List<PodTemplateSpec> podTemplates() {
    return Stream.concat(
            all(Deployment.class).stream().map(d -> d.getSpec().getTemplate()),
            all(Job.class).stream().map(j -> j.getSpec().getTemplate()))
        .toList();
  }

  static List<Container> containers(PodSpec pod) {
    List<Container> all = new ArrayList<>(pod.getContainers());
    if (pod.getInitContainers() != null) {
      all.addAll(pod.getInitContainers());
    }
    return all;
  }

  /** A container's environment: its env entries and the keys of the ConfigMaps it imports. */
  Map<String, String> environment(Container container) {
    Map<String, String> env = new LinkedHashMap<>();
    if (container.getEnvFrom() != null) {
      container.getEnvFrom().stream()
          .filter(from -> from.getConfigMapRef() != null)
          .map(from -> one(ConfigMap.class, from.getConfigMapRef().getName()))
          .forEach(map -> env.putAll(map.getData()));
    }
    for (EnvVar variable : container.getEnv()) {
      env.put(variable.getName(), variable.getValueFrom() == null ? variable.getValue() : null);
    }
    return env;
  }
}
