package dev.atomic.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS endpoint in front of a plaintext Temporal frontend, as a Temporal cluster with mTLS would
 * present itself: it negotiates HTTP/2 (ALPN {@code h2}), requires a client certificate signed by
 * its CA, and forwards the decrypted bytes. Its CA, server and client certificates are made with
 * the JDK's keytool for each run.
 */
final class TlsFrontend implements AutoCloseable {

  static final String SERVER_NAME = "temporal.test";
  private static final String PASSWORD = "changeit";

  /** PEM files a client needs. */
  record ClientFiles(Path ca, Path cert, Path key) {}

  private final SSLServerSocket server;
  private final AtomicInteger handshakes = new AtomicInteger();
  private final List<Socket> open = new ArrayList<>();
  final ClientFiles client;

  private TlsFrontend(SSLServerSocket server, ClientFiles client) {
    this.server = server;
    this.client = client;
  }

  /** Listens on {@code port} (loopback) and forwards to {@code 127.0.0.1:target}. */
  static TlsFrontend start(Path dir, int port, int target) throws Exception {
    keytool(
        dir,
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=atomic-test-ca",
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        "ca.p12",
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);
    keytool(
        dir,
        "-exportcert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        "ca.p12",
        "-storepass",
        PASSWORD,
        "-file",
        "ca.pem");
    signed(dir, "server", "CN=" + SERVER_NAME, "san=dns:" + SERVER_NAME + ",ip:127.0.0.1");
    signed(dir, "client", "CN=atomic-client", "eku=clientAuth");
    Path clientKey = dir.resolve("client-key.pem");
    KeyStore clientStore = load(dir.resolve("client.p12"));
    PrivateKey key = (PrivateKey) clientStore.getKey("client", PASSWORD.toCharArray());
    Files.writeString(
        clientKey,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n");

    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load(dir.resolve("server.p12")), PASSWORD.toCharArray());
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", certificate(dir.resolve("ca.pem")));
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(port, 50, InetAddress.getLoopbackAddress());
    SSLParameters parameters = server.getSSLParameters();
    parameters.setApplicationProtocols(new String[] {"h2"});
    parameters.setNeedClientAuth(true);
    server.setSSLParameters(parameters);
    TlsFrontend frontend =
        new TlsFrontend(
            server, new ClientFiles(dir.resolve("ca.pem"), dir.resolve("client.pem"), clientKey));
    Thread acceptor = new Thread(() -> frontend.accept(target), "tls-frontend");
    acceptor.setDaemon(true);
    acceptor.start();
    return frontend;
  }

  /** How many clients completed a TLS handshake with a certificate the CA signed. */
  int handshakes() {
    return handshakes.get();
  }

  private void accept(int target) {
    while (!server.isClosed()) {
      try {
        SSLSocket client = (SSLSocket) server.accept();
        Thread connection =
            new Thread(
                () -> {
                  try {
                    client.startHandshake();
                    handshakes.incrementAndGet();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    synchronized (open) {
                      open.add(client);
                      open.add(upstream);
                    }
                    pump(upstream.getInputStream(), client.getOutputStream(), client, upstream);
                    pump(client.getInputStream(), upstream.getOutputStream(), client, upstream);
                  } catch (IOException refused) {
                    close(client);
                  }
                },
                "tls-frontend-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void pump(InputStream in, OutputStream out, Socket a, Socket b) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side went away
              } finally {
                close(a);
                close(b);
              }
            },
            "tls-frontend-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (open) {
      open.forEach(TlsFrontend::close);
    }
  }

  private static void signed(Path dir, String alias, String dname, String extension)
      throws Exception {
    String store = alias + ".p12";
    keytool(
        dir,
        "-genkeypair",
        "-alias",
        alias,
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        dname,
        "-validity",
        "2",
        "-keystore",
        store,
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);
    keytool(
        dir,
        "-certreq",
        "-alias",
        alias,
        "-keystore",
        store,
        "-storepass",
        PASSWORD,
        "-file",
        alias + ".csr");
    keytool(
        dir,
        "-gencert",
        "-alias",
        "ca",
        "-keystore",
        "ca.p12",
        "-storepass",
        PASSWORD,
        "-infile",
        alias + ".csr",
        "-outfile",
        alias + ".pem",
        "-rfc",
        "-ext",
        extension,
        "-validity",
        "2");
    keytool(
        dir,
        "-importcert",
        "-alias",
        "ca",
        "-keystore",
        store,
        "-storepass",
        PASSWORD,
        "-file",
        "ca.pem",
        "-noprompt");
    keytool(
        dir,
        "-importcert",
        "-alias",
        alias,
        "-keystore",
        store,
        "-storepass",
        PASSWORD,
        "-file",
        alias + ".pem");
  }

  private static void keytool(Path dir, String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool " + String.join(" ", arguments) + ": " + output);
    }
  }

  private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private static Certificate certificate(Path pem) {
    try {
      return CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
