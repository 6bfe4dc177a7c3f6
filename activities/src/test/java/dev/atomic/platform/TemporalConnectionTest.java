package dev.atomic.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Metadata;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalConnectionTest {

  @Test
  void withoutSettingsTheConnectionIsPlaintextAndUnchanged() {
    TemporalConnection none = TemporalConnection.from(name -> null);
    WorkflowServiceStubsOptions options =
        none.applyTo(WorkflowServiceStubsOptions.newBuilder().setTarget("t:7233")).build();

    assertThat(none.tls()).isFalse();
    assertThat(options.getSslContext()).isNull();
    assertThat(options.getGrpcMetadataProviders()).isNullOrEmpty();
  }

  @Test
  void anApiKeyTurnsTlsOnAndTravelsAsABearerHeaderOnceHoweverOftenItIsApplied() {
    TemporalConnection cloud =
        TemporalConnection.from(Map.of("TEMPORAL_API_KEY", "secret-key")::get);
    WorkflowServiceStubsOptions.Builder builder =
        WorkflowServiceStubsOptions.newBuilder().setTarget("ns.tmprl.cloud:7233");
    cloud.applyTo(builder);
    WorkflowServiceStubsOptions options = cloud.applyTo(builder).build();

    assertThat(cloud.tls()).isTrue();
    assertThat(options.getSslContext()).isNotNull();
    assertThat(options.getGrpcMetadataProviders()).hasSize(1);
    Metadata metadata = options.getGrpcMetadataProviders().iterator().next().getMetadata();
    assertThat(metadata.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)))
        .isEqualTo("Bearer secret-key");
  }

  @Test
  void incompleteOrUnreadableSettingsAreRefusedByName(@TempDir Path dir) throws Exception {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "x");

    assertThatThrownBy(
            () -> TemporalConnection.from(Map.of("TEMPORAL_TLS_CERT", cert.toString())::get))
        .hasMessageContaining("TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together");
    assertThatThrownBy(
            () ->
                TemporalConnection.from(
                    Map.of("TEMPORAL_TLS_CA", dir.resolve("missing.pem").toString())::get))
        .hasMessageContaining("not readable");
    assertThatThrownBy(
            () ->
                TemporalConnection.from(Map.of("TEMPORAL_TLS_CA", cert.toString())::get)
                    .applyTo(WorkflowServiceStubsOptions.newBuilder()))
        .hasMessageContaining("TEMPORAL_TLS_CA");
  }
}
