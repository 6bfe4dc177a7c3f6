package dev.atomic.platform;

import io.grpc.Metadata;
import io.temporal.serviceclient.GrpcMetadataProvider;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the API, the workers and the CLI reach Temporal beyond its address (design.md "Temporal
 * connection"): TLS with a client certificate (mTLS) or a CA of its own, a server name, an API key
 * (Temporal Cloud). Applying it twice to a builder gives the same options.
 *
 * @param cert {@code TEMPORAL_TLS_CERT}: PEM client certificate chain, with {@code key}
 * @param key {@code TEMPORAL_TLS_KEY}: PEM PKCS#8 private key of {@code cert}
 * @param ca {@code TEMPORAL_TLS_CA}: PEM CA certificate(s) the server's certificate must chain to
 *     (default: the JVM's trust store)
 * @param serverName {@code TEMPORAL_TLS_SERVER_NAME}: the name the server's certificate must carry
 *     (default: the address's host)
 * @param apiKey {@code TEMPORAL_API_KEY}: sent as {@code authorization: Bearer …}; implies TLS
 */
public record TemporalConnection(Path cert, Path key, Path ca, String serverName, String apiKey) {

  /** The settings named by the {@code TEMPORAL_*} variables {@code lookup} returns. */
  public static TemporalConnection from(UnaryOperator<String> lookup) {
    TemporalConnection connection =
        new TemporalConnection(
            path(lookup.apply("TEMPORAL_TLS_CERT")),
            path(lookup.apply("TEMPORAL_TLS_KEY")),
            path(lookup.apply("TEMPORAL_TLS_CA")),
            blankToNull(lookup.apply("TEMPORAL_TLS_SERVER_NAME")),
            blankToNull(lookup.apply("TEMPORAL_API_KEY")));
    connection.validate();
    return connection;
  }

  /** Whether the connection uses TLS. */
  public boolean tls() {
    return cert != null || ca != null || serverName != null || apiKey != null;
  }

  /** Applies these settings to {@code options}; nothing when none is set. */
  public WorkflowServiceStubsOptions.Builder applyTo(WorkflowServiceStubsOptions.Builder options) {
    if (!tls()) {
      return options;
    }
    try {
      SimpleSslContextBuilder ssl;
      if (cert != null) {
        // Read at build(), so the bytes must outlive this block.
        ssl =
            SimpleSslContextBuilder.forPKCS8(
                new ByteArrayInputStream(Files.readAllBytes(cert)),
                new ByteArrayInputStream(Files.readAllBytes(key)));
      } else {
        ssl = SimpleSslContextBuilder.noKeyOrCertChain();
      }
      if (ca != null) {
        ssl.setTrustManager(trustManagerFor(ca).getTrustManagers()[0]);
      }
      options.setSslContext(ssl.build());
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "Temporal TLS settings cannot be read (TEMPORAL_TLS_CERT, TEMPORAL_TLS_KEY,"
              + " TEMPORAL_TLS_CA): "
              + e.getMessage(),
          e);
    }
    if (serverName != null) {
      options.setChannelInitializer(channel -> channel.overrideAuthority(serverName));
    }
    if (apiKey != null) {
      Metadata metadata = new Metadata();
      metadata.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + apiKey);
      GrpcMetadataProvider bearer = () -> metadata;
      options.setGrpcMetadataProviders(List.of(bearer));
    }
    return options;
  }

  private void validate() {
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException(
          "TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together: set both, or neither");
    }
    for (Path file : new Path[] {cert, key, ca}) {
      if (file != null && !Files.isReadable(file)) {
        throw new IllegalArgumentException("Temporal TLS file not readable: " + file);
      }
    }
    if (apiKey != null && apiKey.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      throw new IllegalArgumentException("TEMPORAL_API_KEY holds characters a header cannot carry");
    }
  }

  private static TrustManagerFactory trustManagerFor(Path pem)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      int i = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      if (i == 0) {
        throw new IllegalArgumentException(pem + " holds no certificate");
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }

  private static Path path(String value) {
    String text = blankToNull(value);
    return text == null ? null : Path.of(text);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
