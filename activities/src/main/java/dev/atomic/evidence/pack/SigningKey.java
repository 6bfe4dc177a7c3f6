package dev.atomic.evidence.pack;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** An Ed25519 key pair that signs audit pack manifests; {@link SigningKeys} loads and makes one. */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {

  /** Lower-case hex SHA-256 of the public key's SubjectPublicKeyInfo DER encoding. */
  public String keyId() {
    return SigningKeys.keyId(publicKey);
  }

  /** The public key as an SPKI PEM, the form of {@code public-key.pem} and of {@code --key}. */
  public String publicKeyPem() {
    return SigningKeys.publicKeyPem(publicKey);
  }

  /** The Ed25519 signature of {@code message}; Ed25519 signatures are deterministic. */
  public byte[] sign(byte[] message) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with an Ed25519 key: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "SigningKey[keyId=" + keyId() + "]";
  }
}
