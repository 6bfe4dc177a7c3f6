package dev.atomic.evidence.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.evidence.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys in PEM files, checked against RFC 8032's first Ed25519 test vector. */
class SigningKeysTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final String RFC8032_SECRET =
      "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  private static final String RFC8032_PUBLIC =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  private static final String RFC8032_EMPTY_MESSAGE_SIGNATURE =
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

  /** The RFC's secret key as OpenSSL writes an Ed25519 PKCS#8 PEM. */
  static String rfc8032PrivateKeyPem() {
    byte[] der = HEX.parseHex("302e020100300506032b657004220420" + RFC8032_SECRET);
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getEncoder().encodeToString(der)
        + "\n-----END PRIVATE KEY-----\n";
  }

  @Test
  void loadsAPkcs8PemAndDerivesItsPublicKey() {
    SigningKey key = SigningKeys.fromPrivateKeyPem(rfc8032PrivateKeyPem());

    assertThat(HEX.formatHex(key.publicKey().getEncoded()))
        .isEqualTo("302a300506032b6570032100" + RFC8032_PUBLIC);
    assertThat(HEX.formatHex(key.sign(new byte[0]))).isEqualTo(RFC8032_EMPTY_MESSAGE_SIGNATURE);
  }

  @Test
  void keyIdIsTheSha256OfTheSubjectPublicKeyInfo() {
    SigningKey key = SigningKeys.fromPrivateKeyPem(rfc8032PrivateKeyPem());

    // printf '302a…' | xxd -r -p | sha256sum
    assertThat(key.keyId())
        .isEqualTo(Sha256.hex(HEX.parseHex("302a300506032b6570032100" + RFC8032_PUBLIC)));
    assertThat(key.keyId()).hasSize(64).matches("[0-9a-f]+");
  }

  @Test
  void exportsAPublicKeyPemThatReadsBack() {
    SigningKey key = SigningKeys.generate();

    String pem = key.publicKeyPem();

    assertThat(pem)
        .startsWith("-----BEGIN PUBLIC KEY-----\n")
        .endsWith("-----END PUBLIC KEY-----\n");
    assertThat(SigningKeys.keyId(SigningKeys.publicKeyFromPem(pem))).isEqualTo(key.keyId());
  }

  @Test
  void storesANewKeyOnceAndLoadsItAfterwards(@TempDir Path home) throws Exception {
    Path keys = home.resolve(".atomic/keys");

    SigningKey created = SigningKeys.loadOrCreate(keys);
    SigningKey loaded = SigningKeys.loadOrCreate(keys);

    assertThat(loaded.keyId()).isEqualTo(created.keyId());
    Path privateKey = keys.resolve(SigningKeys.PRIVATE_KEY_FILE);
    assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(keys.resolve(SigningKeys.PUBLIC_KEY_FILE)))
        .isEqualTo(created.publicKeyPem());
    if (keys.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
          .isEqualTo("rwx------");
    }
    assertThat(keys).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void loadsAKeyOpensslWroteAndAddsItsPublicKeyFile(@TempDir Path keys) throws Exception {
    Files.writeString(keys.resolve(SigningKeys.PRIVATE_KEY_FILE), rfc8032PrivateKeyPem());

    SigningKey loaded = SigningKeys.loadOrCreate(keys);

    assertThat(HEX.formatHex(loaded.publicKey().getEncoded())).endsWith(RFC8032_PUBLIC);
    assertThat(Files.readString(keys.resolve(SigningKeys.PUBLIC_KEY_FILE)))
        .isEqualTo(loaded.publicKeyPem());
  }

  @Test
  void refusesAnEncryptedPrivateKey() {
    String encrypted =
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIGb\n-----END ENCRYPTED PRIVATE KEY-----\n";

    assertThatThrownBy(() -> SigningKeys.fromPrivateKeyPem(encrypted))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encrypted");
  }
}
