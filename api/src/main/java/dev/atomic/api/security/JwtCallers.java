package dev.atomic.api.security;

import dev.atomic.identity.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** JWTs: the decoder for the configured issuer, and the caller a token names. */
final class JwtCallers implements Converter<Jwt, CallerAuthentication> {

  private final SecuritySettings settings;

  JwtCallers(SecuritySettings settings) {
    this.settings = settings;
  }

  /** The caller: the principal claim (else {@code sub}) and the roles claim's known roles. */
  @Override
  public CallerAuthentication convert(Jwt jwt) {
    String name = jwt.getClaimAsString(settings.principalClaim());
    if (name == null || name.isBlank()) {
      name = jwt.getSubject();
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String claimed : rolesOf(jwt.getClaims().get(settings.rolesClaim()))) {
      for (Role role : Role.values()) {
        if (role.wire().equalsIgnoreCase(claimed.trim())) {
          roles.add(role);
        }
      }
    }
    return new CallerAuthentication(
        new Caller(name, roles.isEmpty() ? roles : Role.effective(roles), false, "jwt"));
  }

  private static List<String> rolesOf(Object claim) {
    List<String> roles = new ArrayList<>();
    if (claim instanceof Collection<?> list) {
      list.forEach(item -> roles.add(String.valueOf(item)));
    } else if (claim instanceof String text) {
      roles.addAll(List.of(text.split("[ ,]+")));
    }
    return roles;
  }

  /** The decoder for the configured issuer, key set or public key, with its validators. */
  static JwtDecoder decoder(JwtSettings jwt) {
    NimbusJwtDecoder decoder;
    if (JwtSettings.set(jwt.publicKey())) {
      decoder = NimbusJwtDecoder.withPublicKey(publicKey(Path.of(jwt.publicKey()))).build();
    } else if (JwtSettings.set(jwt.jwkSetUri())) {
      decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
    } else {
      decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(jwt.issuerUri());
    }
    OAuth2TokenValidator<Jwt> validator =
        JwtSettings.set(jwt.issuerUri())
            ? JwtValidators.createDefaultWithIssuer(jwt.issuerUri())
            : JwtValidators.createDefault();
    if (JwtSettings.set(jwt.audience())) {
      OAuth2TokenValidator<Jwt> audience =
          token ->
              token.getAudience() != null && token.getAudience().contains(jwt.audience())
                  ? OAuth2TokenValidatorResult.success()
                  : OAuth2TokenValidatorResult.failure(
                      new OAuth2Error(
                          "invalid_token",
                          "the token is not for audience " + jwt.audience(),
                          null));
      validator = new DelegatingOAuth2TokenValidator<>(validator, audience);
    }
    decoder.setJwtValidator(validator);
    return decoder;
  }

  private static RSAPublicKey publicKey(Path pem) {
    try {
      String text =
          Files.readString(pem)
              .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
              .replaceAll("\\s", "");
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text)));
    } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "ATOMIC_JWT_PUBLIC_KEY: " + pem + " is not a readable PEM RSA public key: " + e, e);
    }
  }
}
