package dev.atomic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecurityTest {

  @TempDir static Path temp;

  private static final String DATABASE_URL = "postgres://atomic:pa55w0rd@db.internal:5432/atomic";
  private static final String WEBHOOK = "https://hooks.example.com/services/T000/B000/XXXXSECRET";
  private static final String ALLOWED = "AKIAIOSFODNN7EXAMPLE";

  /** Values with every secret given inline, which must still stay out of ConfigMaps. */
  private static Rendered inlineSecrets() {
    return Chart.template(
        List.of(
            Chart.valuesFile(
                temp,
                """
                database: {existingSecret: null, url: "%s"}
                finops: {webhook: {url: "%s"}}
                redaction: {allowlist: ["%s"]}
                """
                    .formatted(DATABASE_URL, WEBHOOK, ALLOWED))),
        Map.of());
  }

  static Stream<Rendered> installs() {
    return Stream.of(Chart.defaults(), Chart.production(), inlineSecrets());
  }

  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "TOKEN|PASSWORD|SECRET(?!_MODE|_REDACTION)|API_KEY|PRIVATE|DATABASE_URL|WEBHOOK|ALLOWLIST");

  private static final Pattern SECRET_VALUE =
      Pattern.compile("://[^/\\s:@]+:[^/\\s@]+@|-----BEGIN|AKIA[0-9A-Z]{16}");

  @ParameterizedTest
  @MethodSource("installs")
  void noConfigMapHoldsASecret(Rendered rendered) {
    for (ConfigMap map : rendered.all(ConfigMap.class)) {
      map.getData()
          .forEach(
              (key, value) -> {
                assertThat(key)
                    .as("key of %s", map.getMetadata().getName())
                    .doesNotContainPattern(SECRET_NAME);
                assertThat(value)
                    .as("%s in %s", key, map.getMetadata().getName())
                    .doesNotContainPattern(SECRET_VALUE)
                    .doesNotContain(DATABASE_URL, WEBHOOK, ALLOWED);
              });
    }
  }

  @Test
  void inlineSecretsReachThePodsOnlyThroughSecretReferences() {
    Rendered rendered = inlineSecrets();
    for (PodTemplateSpec template : rendered.podTemplates()) {
      for (Container container : Rendered.containers(template.getSpec())) {
        container.getEnv().stream()
            .filter(e -> SECRET_NAME.matcher(e.getName()).find())
            .forEach(
                e -> {
                  assertThat(e.getValue()).as(e.getName()).isNull();
                  assertThat(e.getValueFrom().getSecretKeyRef()).as(e.getName()).isNotNull();
                });
      }
    }
  }

  private static final Set<String> RESTRICTED_VOLUMES =
      Set.of(
          "configMap",
          "csi",
          "downwardAPI",
          "emptyDir",
          "ephemeral",
          "persistentVolumeClaim",
          "projected",
          "secret");

  /** Pod Security Standards, "restricted" profile, plus a read-only root filesystem. */
  @ParameterizedTest
  @MethodSource("installs")
  void everyPodMeetsPodSecurityRestrictedOnAReadOnlyRoot(Rendered rendered) {
    for (PodTemplateSpec template : rendered.podTemplates()) {
      PodSpec pod = template.getSpec();
      PodSecurityContext podContext = pod.getSecurityContext();
      assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
      assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
      assertThat(pod.getHostIPC()).isNotEqualTo(Boolean.TRUE);
      assertThat(podContext.getRunAsNonRoot()).isTrue();
      assertThat(podContext.getRunAsUser()).isPositive();
      assertThat(podContext.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
      for (Volume volume : pod.getVolumes()) {
        assertThat(volumeType(volume)).as(volume.getName()).isIn(RESTRICTED_VOLUMES);
      }
      for (Container container : Rendered.containers(pod)) {
        SecurityContext context = container.getSecurityContext();
        assertThat(context).as(container.getName()).isNotNull();
        assertThat(context.getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(context.getAllowPrivilegeEscalation()).isFalse();
        assertThat(context.getRunAsNonRoot()).isTrue();
        assertThat(context.getReadOnlyRootFilesystem()).isTrue();
        assertThat(context.getCapabilities().getDrop()).contains("ALL");
        assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getPorts()).allSatisfy(p -> assertThat(p.getHostPort()).isNull());
        // The JVM and the DTE write only to the emptyDirs.
        assertThat(container.getVolumeMounts())
            .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
      }
    }
  }

  private static String volumeType(Volume volume) {
    if (volume.getEmptyDir() != null) return "emptyDir";
    if (volume.getSecret() != null) return "secret";
    if (volume.getConfigMap() != null) return "configMap";
    if (volume.getProjected() != null) return "projected";
    if (volume.getDownwardAPI() != null) return "downwardAPI";
    if (volume.getPersistentVolumeClaim() != null) return "persistentVolumeClaim";
    if (volume.getCsi() != null) return "csi";
    if (volume.getEphemeral() != null) return "ephemeral";
    return "other: " + volume;
  }
}
