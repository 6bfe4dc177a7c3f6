package dev.atomic.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Set;

/**
 * An API key as listed: never its secret, which only its creator saw once.
 *
 * @param id the public part of the key ({@code atk_<id>_<secret>})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKey(
    String id,
    String name,
    Set<Role> roles,
    String createdBy,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt) {

  /** Whether the key authenticates at {@code now}. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}
