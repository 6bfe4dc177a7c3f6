package dev.atomic.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where bearer JWTs are checked (any one of the three turns JWT authentication on).
 *
 * @param issuerUri an OIDC issuer: its discovery document gives the key set, and {@code iss} must
 *     match
 * @param jwkSetUri a JWK set URL, for issuers without discovery
 * @param publicKey a PEM file with the issuer's RSA public key, for offline use
 * @param audience when set, {@code aud} must contain it
 */
@ConfigurationProperties("atomic.security.jwt")
public record JwtSettings(String issuerUri, String jwkSetUri, String publicKey, String audience) {

  public boolean enabled() {
    return set(issuerUri) || set(jwkSetUri) || set(publicKey);
  }

  static boolean set(String value) {
    return value != null && !value.isBlank();
  }
}
