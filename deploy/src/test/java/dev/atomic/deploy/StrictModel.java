package dev.atomic.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a rendered document into the Kubernetes API model of its kind, as strictly as the API
 * server: fabric8's models keep unknown fields aside (additionalProperties) instead of failing, so
 * every object of the tree is checked for such leftovers; scalars of the wrong type fail.
 */
final class StrictModel {

  private static final Map<String, Class<?>> KINDS =
      Map.ofEntries(
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/ServiceAccount", ServiceAccount.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("batch/v1/Job", Job.class),
          Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
          Map.entry("keda.sh/v1alpha1/ScaledObject", Keda.ScaledObject.class),
          Map.entry("keda.sh/v1alpha1/TriggerAuthentication", Keda.TriggerAuthentication.class));

  /** RFC 1123 subdomain, as Kubernetes requires of object names. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private StrictModel() {}

  static Object read(JsonNode document) {
    String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    Class<?> type = KINDS.get(key);
    if (type == null) {
      throw new AssertionError("rendered an object of a kind the tests do not know: " + key);
    }
    Object object;
    try {
      object = MAPPER.treeToValue(document, type);
    } catch (Exception e) {
      throw new AssertionError(key + " does not match its schema: " + e.getMessage(), e);
    }
    String name = name(object);
    if (name == null || !NAME.matcher(name).matches()) {
      throw new AssertionError(key + " has an invalid metadata.name: " + name);
    }
    noUnknownFields(object, key, new IdentityHashMap<>());
    return object;
  }

  static String name(Object object) {
    if (object instanceof HasMetadata resource) {
      return resource.getMetadata().getName();
    }
    if (object instanceof Keda.Resource resource) {
      return resource.metadata().name();
    }
    return null;
  }

  private static void noUnknownFields(Object value, String path, Map<Object, Boolean> seen) {
    if (value == null || seen.put(value, true) != null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        noUnknownFields(item, path + "[" + i++ + "]", seen);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> noUnknownFields(v, path + "." + k, seen));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object field;
      try {
        field = getter.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
          throw new AssertionError(path + ": unknown field(s) " + extra.keySet());
        }
        continue;
      }
      noUnknownFields(field, path + "." + getter.getName().substring(3), seen);
    }
  }

  /** The names of the objects of a kind, for messages. */
  static Set<String> kinds() {
    return KINDS.keySet();
  }
}
