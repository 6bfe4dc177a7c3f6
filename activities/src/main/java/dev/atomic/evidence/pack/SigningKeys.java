package dev.atomic.evidence.pack;

import dev.atomic.evidence.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Ed25519 signing keys in PEM files: PKCS#8 ({@code BEGIN PRIVATE KEY}, as {@code openssl genpkey
 * -algorithm ed25519} writes) for the private key, SPKI ({@code BEGIN PUBLIC KEY}) for the public
 * one. A key id is the lower-case hex SHA-256 of the SPKI DER encoding of the public key.
 */
public final class SigningKeys {

  /** The private key's file name under a key directory, e.g. {@code .atomic/keys}. */
  public static final String PRIVATE_KEY_FILE = "audit-signing-key.pem";

  /** The public key's file name next to it, to hand to auditors ({@code --key}). */
  public static final String PUBLIC_KEY_FILE = "audit-signing-key.pub.pem";

  private static final String ALGORITHM = "Ed25519";

  private SigningKeys() {}

  /** A new random key pair. */
  public static SigningKey generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      return new SigningKey(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime has no Ed25519", e);
    }
  }

  /** The key in a PKCS#8 PEM file. */
  public static SigningKey load(Path privateKeyPem) throws IOException {
    return fromPrivateKeyPem(Files.readString(privateKeyPem, StandardCharsets.US_ASCII));
  }

  /**
   * The key stored under {@code directory}; when there is none yet, a new one is generated and
   * stored first (directory 700 and private key 600 where the file system has POSIX permissions),
   * together with its public key.
   */
  public static SigningKey loadOrCreate(Path directory) throws IOException {
    Path privateKeyFile = directory.resolve(PRIVATE_KEY_FILE);
    if (Files.exists(privateKeyFile)) {
      return withPublicKeyFile(directory, load(privateKeyFile));
    }
    createPrivateDirectory(directory);
    SigningKey key = generate();
    Path temporary = createPrivateFile(directory);
    try {
      Files.writeString(temporary, privateKeyPem(key.privateKey()), StandardCharsets.US_ASCII);
      // Without REPLACE_EXISTING: if another process stored a key meanwhile, that one wins.
      Files.move(temporary, privateKeyFile);
    } catch (FileAlreadyExistsException raced) {
      return withPublicKeyFile(directory, load(privateKeyFile));
    } finally {
      Files.deleteIfExists(temporary);
    }
    return withPublicKeyFile(directory, key);
  }

  /** Writes the public key file next to the private one when it is missing. */
  private static SigningKey withPublicKeyFile(Path directory, SigningKey key) throws IOException {
    Path publicKeyFile = directory.resolve(PUBLIC_KEY_FILE);
    if (!Files.exists(publicKeyFile)) {
      Files.writeString(publicKeyFile, key.publicKeyPem(), StandardCharsets.US_ASCII);
    }
    return key;
  }

  /** Reads a PKCS#8 PEM Ed25519 private key and derives its public key. */
  public static SigningKey fromPrivateKeyPem(String pem) {
    if (pem.contains("ENCRYPTED PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "the private key is encrypted; give an unencrypted PKCS#8 PEM");
    }
    byte[] der = pemBody(pem, "PRIVATE KEY");
    PrivateKey privateKey;
    try {
      privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key: " + e.getMessage(), e);
    }
    return new SigningKey(privateKey, derivePublicKey(privateKey));
  }

  /** The private key as a PKCS#8 PEM. */
  public static String privateKeyPem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  /** The public key as an SPKI PEM. */
  public static String publicKeyPem(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  /** Reads an SPKI PEM Ed25519 public key. */
  public static PublicKey publicKeyFromPem(String pem) {
    byte[] der = pemBody(pem, "PUBLIC KEY");
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /** Lower-case hex SHA-256 of the public key's SubjectPublicKeyInfo DER encoding. */
  public static String keyId(PublicKey key) {
    return Sha256.hex(key.getEncoded());
  }

  /**
   * The public key of an Ed25519 private key. Java 17 has no API for this, but its key pair
   * generator takes the 32-byte private key from the random source it is given, so feeding it the
   * key's own bytes derives the pair; the result is checked before it is used.
   */
  private static PublicKey derivePublicKey(PrivateKey privateKey) {
    byte[] seed =
        ((EdECPrivateKey) privateKey)
            .getBytes()
            .orElseThrow(() -> new IllegalArgumentException("the private key has no key bytes"));
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
      KeyPair pair = generator.generateKeyPair();
      byte[] derived = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
      if (!Arrays.equals(seed, derived) || !signsAndVerifies(privateKey, pair.getPublic())) {
        throw new IllegalStateException(
            "could not derive the Ed25519 public key on this Java runtime");
      }
      return pair.getPublic();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "could not derive the Ed25519 public key: " + e.getMessage(), e);
    }
  }

  private static boolean signsAndVerifies(PrivateKey privateKey, PublicKey publicKey)
      throws GeneralSecurityException {
    byte[] probe = "atomic signing key check".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance(ALGORITHM);
    signer.initSign(privateKey);
    signer.update(probe);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(ALGORITHM);
    verifier.initVerify(publicKey);
    verifier.update(probe);
    return verifier.verify(signature);
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static byte[] pemBody(String pem, String type) {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int start = pem.indexOf(begin);
    int stop = pem.indexOf(end);
    if (start < 0 || stop < start) {
      throw new IllegalArgumentException(
          "not a PEM " + type.toLowerCase(Locale.ROOT) + " (no " + begin + " block)");
    }
    String body = pem.substring(start + begin.length(), stop).replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the PEM " + type.toLowerCase(Locale.ROOT) + " is not valid base64", e);
    }
  }

  private static void createPrivateDirectory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    if (supportsPosix(directory)) {
      Files.createDirectories(
          directory,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(directory);
    }
  }

  private static Path createPrivateFile(Path directory) throws IOException {
    if (supportsPosix(directory)) {
      Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
      return Files.createTempFile(
          directory, ".signing-key-", ".tmp", PosixFilePermissions.asFileAttribute(ownerOnly));
    }
    return Files.createTempFile(directory, ".signing-key-", ".tmp");
  }

  private static boolean supportsPosix(Path path) {
    Path existing = path.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null
        && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** A random source that returns the given bytes: see {@link #derivePublicKey}. */
  private static final class FixedBytes extends SecureRandom {

    private final byte[] bytes;

    FixedBytes(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
      if (out.length != bytes.length) {
        throw new IllegalStateException("expected a request for " + bytes.length + " bytes");
      }
      System.arraycopy(bytes, 0, out, 0, out.length);
    }
  }
}
