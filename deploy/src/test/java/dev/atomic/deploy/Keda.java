package dev.atomic.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * KEDA's ScaledObject and TriggerAuthentication (keda.sh/v1alpha1) as their documentation describes
 * them, read strictly: an unknown or misspelt field fails, and so does a missing required one. No
 * package here ships their CRD schemas.
 */
final class Keda {

  private Keda() {}

  interface Resource {
    Metadata metadata();
  }

  record Metadata(
      @JsonProperty(required = true) String name,
      String namespace,
      Map<String, String> labels,
      Map<String, String> annotations) {}

  record ScaledObject(
      @JsonProperty(required = true) String apiVersion,
      @JsonProperty(required = true) String kind,
      @JsonProperty(required = true) Metadata metadata,
      @JsonProperty(required = true) ScaledObjectSpec spec)
      implements Resource {}

  record ScaledObjectSpec(
      @JsonProperty(required = true) ScaleTargetRef scaleTargetRef,
      Integer pollingInterval,
      Integer cooldownPeriod,
      Integer initialCooldownPeriod,
      Integer idleReplicaCount,
      Integer minReplicaCount,
      Integer maxReplicaCount,
      Map<String, Object> fallback,
      Map<String, Object> advanced,
      @JsonProperty(required = true) List<Trigger> triggers) {}

  record ScaleTargetRef(
      String apiVersion,
      String kind,
      @JsonProperty(required = true) String name,
      String envSourceContainerName) {}

  record Trigger(
      @JsonProperty(required = true) String type,
      String name,
      @JsonProperty(required = true) Map<String, String> metadata,
      AuthenticationRef authenticationRef,
      String metricType,
      Boolean useCachedMetrics) {}

  record AuthenticationRef(@JsonProperty(required = true) String name, String kind) {}

  record TriggerAuthentication(
      @JsonProperty(required = true) String apiVersion,
      @JsonProperty(required = true) String kind,
      @JsonProperty(required = true) Metadata metadata,
      @JsonProperty(required = true) TriggerAuthenticationSpec spec)
      implements Resource {}

  record TriggerAuthenticationSpec(List<SecretTargetRef> secretTargetRef) {}

  record SecretTargetRef(
      @JsonProperty(required = true) String parameter,
      @JsonProperty(required = true) String name,
      @JsonProperty(required = true) String key) {}
}
