package dev.atomic.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How callers authenticate (docs/security.md).
 *
 * @param auth {@code required}: every request but health probes needs an API key or a JWT; {@code
 *     local}: as required, except that a request from the loopback interface without a credential
 *     is the local user with every role (the embedded default), which only a listener bound to
 *     loopback allows
 * @param bootstrapKeyFile where to write a first admin API key when none is active (unset: none)
 * @param rolesClaim the JWT claim that lists a caller's roles
 * @param principalClaim the JWT claim that names the caller ({@code sub} when absent)
 * @param localUser the name of the loopback user (the OS user by default)
 * @param gatewayRateLimit gateway requests a credential may send per minute; 0 for no limit
 */
@ConfigurationProperties("atomic.security")
public record SecuritySettings(
    Auth auth,
    String bootstrapKeyFile,
    String rolesClaim,
    String principalClaim,
    String localUser,
    Integer gatewayRateLimit) {

  /** How requests without a credential are treated. */
  public enum Auth {
    REQUIRED,
    LOCAL
  }

  public SecuritySettings {
    auth = auth == null ? Auth.REQUIRED : auth;
    rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    principalClaim =
        principalClaim == null || principalClaim.isBlank() ? "preferred_username" : principalClaim;
    localUser =
        localUser == null || localUser.isBlank() ? System.getProperty("user.name") : localUser;
    gatewayRateLimit = gatewayRateLimit == null ? 600 : gatewayRateLimit;
    if (gatewayRateLimit < 0) {
      throw new IllegalArgumentException(
          "ATOMIC_GATEWAY_RATE_LIMIT must be 0 (no limit) or more, got " + gatewayRateLimit);
    }
  }
}
