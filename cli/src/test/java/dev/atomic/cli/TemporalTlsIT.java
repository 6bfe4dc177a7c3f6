package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.cli.dev.EmbeddedPlatform;
import dev.atomic.cli.mission.TemporalMissions;
import dev.atomic.mission.Mission;
import dev.atomic.mission.MissionStatus;
import dev.atomic.platform.TemporalConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The API, the workers and the CLI reach Temporal through mutual TLS: a TLS endpoint that demands a
 * client certificate stands in front of the embedded frontend, and every Temporal client of the
 * platform is configured with the {@code TEMPORAL_TLS_*} settings alone.
 */
@Timeout(300)
class TemporalTlsIT {

  @Test
  void theApiTheWorkersAndTheCliTalkToTemporalOverMutualTls() throws Exception {
    Path dir = Files.createTempDirectory("atomic-tls");
    int temporalPort = TestPlatform.freePort();
    int tlsPort = TestPlatform.freePort();
    int apiPort = TestPlatform.freePort();
    int[] servicePorts = {
      TestPlatform.freePort(),
      TestPlatform.freePort(),
      TestPlatform.freePort(),
      TestPlatform.freePort(),
      TestPlatform.freePort()
    };
    try (TlsFrontend tls = TlsFrontend.start(dir, tlsPort, temporalPort)) {
      TlsFrontend.ClientFiles files = tls.client;
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("spring.temporal.connection.target", "127.0.0.1:" + tlsPort);
      settings.put("TEMPORAL_TLS_CERT", files.cert().toString());
      settings.put("TEMPORAL_TLS_KEY", files.key().toString());
      settings.put("TEMPORAL_TLS_CA", files.ca().toString());
      settings.put("TEMPORAL_TLS_SERVER_NAME", TlsFrontend.SERVER_NAME);
      settings.put("spring.main.banner-mode", "off");
      try (EmbeddedPlatform platform =
          EmbeddedPlatform.start(
              new EmbeddedPlatform.Settings(
                  TestPlatform.newHome(),
                  "127.0.0.1",
                  temporalPort,
                  apiPort,
                  servicePorts,
                  true,
                  settings))) {
        // The API starts the workflow and a worker records its first state: both through TLS.
        HttpResponse<String> created =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + apiPort + "/missions"))
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"title\":\"Over TLS\",\"risk\":\"medium\"}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"missionId\":\"(M-[A-Z0-9]+)\".*", "$1");

        // The CLI's Temporal client, with the same settings.
        TemporalConnection withCertificate =
            new TemporalConnection(
                files.cert(), files.key(), files.ca(), TlsFrontend.SERVER_NAME, null);
        try (TemporalMissions cli =
            new TemporalMissions("127.0.0.1:" + tlsPort, "default", withCertificate)) {
          Mission mission = cli.mission(id);
          assertThat(mission.status()).isEqualTo(MissionStatus.AWAITING_APPROVAL);
        }
        assertThat(tls.handshakes()).isGreaterThanOrEqualTo(2);

        // Without a client certificate, or without TLS, the endpoint lets nobody in.
        TemporalConnection withoutCertificate =
            new TemporalConnection(null, null, files.ca(), TlsFrontend.SERVER_NAME, null);
        try (TemporalMissions stranger =
            new TemporalMissions("127.0.0.1:" + tlsPort, "default", withoutCertificate)) {
          assertThatThrownBy(() -> stranger.mission(id))
              .isInstanceOf(CliException.class)
              .hasMessageContaining("Temporal is not reachable");
        }
        try (TemporalMissions plaintext =
            new TemporalMissions(
                "127.0.0.1:" + tlsPort,
                "default",
                new TemporalConnection(null, null, null, null, null))) {
          assertThatThrownBy(() -> plaintext.mission(id)).isInstanceOf(CliException.class);
        }
      }
    }
  }
}
