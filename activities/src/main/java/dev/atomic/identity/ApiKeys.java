package dev.atomic.identity;

import dev.atomic.evidence.Sha256;
import dev.atomic.platform.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * API keys: {@code atk_<id>_<secret>}, where the id finds the key and the secret, 32 random bytes,
 * proves it. Only the SHA-256 of the whole key is stored (a key is random, so no slow hash is
 * needed against guessing), it is compared in constant time, and the key itself is returned once,
 * at creation.
 */
public final class ApiKeys {

  /** The prefix every Atomic API key starts with, so scanners and logs can recognise one. */
  public static final String PREFIX = "atk_";

  private static final Pattern FORMAT = Pattern.compile("atk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._@:/-]{1,100}");
  private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  /** Why a presented key does not authenticate, or who it is. */
  public sealed interface Check permits Valid, Refused {}

  public record Valid(ApiKey key) implements Check {}

  public record Refused(String reason) implements Check {}

  /** A key just created: {@code secret} is the whole key, shown this once. */
  public record Created(ApiKey key, String secret) {}

  private final Database database;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ApiKeys(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Whether {@code text} has the form of an Atomic API key (not whether it is valid). */
  public static boolean looksLikeKey(String text) {
    return text != null && text.startsWith(PREFIX);
  }

  /**
   * Creates a key.
   *
   * @param validFor null: until revoked
   * @throws IllegalArgumentException for a bad name, no roles or a non-positive validity
   */
  public Created create(String name, Set<Role> roles, Duration validFor, String createdBy)
      throws SQLException {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'name' must be 1 to 100 letters, digits, spaces or . _ @ : / -");
    }
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("'roles' must name at least one role");
    }
    if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
      throw new IllegalArgumentException("a key's validity must be positive");
    }
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String key = PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    ApiKey created =
        new ApiKey(
            id.toString(),
            name,
            Set.copyOf(roles),
            createdBy,
            now,
            validFor == null ? null : now.plus(validFor),
            null);
    database.inTransaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO api_keys (id, name, roles, key_sha256, created_by, created_at,"
                      + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, created.id());
            insert.setString(2, name);
            insert.setString(3, Role.list(roles));
            insert.setString(4, Sha256.hex(key));
            insert.setString(5, createdBy);
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(
                7, created.expiresAt() == null ? null : Timestamp.from(created.expiresAt()));
            insert.executeUpdate();
          }
          return null;
        });
    return new Created(created, key);
  }

  /** Who {@code presented} authenticates, or why it does not. */
  public Check check(String presented) throws SQLException {
    var matcher = presented == null ? null : FORMAT.matcher(presented);
    if (matcher == null || !matcher.matches()) {
      return new Refused("not an Atomic API key (atk_…)");
    }
    Optional<Stored> stored = find(matcher.group(1));
    if (stored.isEmpty()
        || !MessageDigest.isEqual(
            stored.get().sha256().getBytes(StandardCharsets.US_ASCII),
            Sha256.hex(presented).getBytes(StandardCharsets.US_ASCII))) {
      return new Refused("unknown API key");
    }
    ApiKey key = stored.get().key();
    if (key.revokedAt() != null) {
      return new Refused("API key " + key.id() + " was revoked at " + key.revokedAt());
    }
    if (!key.activeAt(clock.instant())) {
      return new Refused("API key " + key.id() + " expired at " + key.expiresAt());
    }
    return new Valid(key);
  }

  /** Every key, newest first, revoked ones too. */
  public List<ApiKey> list() throws SQLException {
    return database.read(
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at DESC, id");
              ResultSet rows = select.executeQuery()) {
            List<ApiKey> keys = new ArrayList<>();
            while (rows.next()) {
              keys.add(read(rows).key());
            }
            return keys;
          }
        });
  }

  /** Whether a key that authenticates now holds the admin role. */
  public boolean hasActiveAdmin() throws SQLException {
    Instant now = clock.instant();
    for (ApiKey key : list()) {
      if (key.activeAt(now) && key.roles().contains(Role.ADMIN)) {
        return true;
      }
    }
    return false;
  }

  /** Revokes a key at once; empty when no key has that id. Revoking twice keeps the first time. */
  public Optional<ApiKey> revoke(String id) throws SQLException {
    return database.inTransaction(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setString(2, id);
            update.executeUpdate();
          }
          return find(connection, id).map(Stored::key);
        });
  }

  private static final String COLUMNS =
      "id, name, roles, key_sha256, created_by, created_at, expires_at, revoked_at";

  private record Stored(ApiKey key, String sha256) {}

  private Optional<Stored> find(String id) throws SQLException {
    return database.read(connection -> find(connection, id));
  }

  private static Optional<Stored> find(Connection connection, String id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    }
  }

  private static Stored read(ResultSet rows) throws SQLException {
    Timestamp expires = rows.getTimestamp("expires_at");
    Timestamp revoked = rows.getTimestamp("revoked_at");
    return new Stored(
        new ApiKey(
            rows.getString("id"),
            rows.getString("name"),
            Role.parseList(rows.getString("roles")),
            rows.getString("created_by"),
            rows.getTimestamp("created_at").toInstant(),
            expires == null ? null : expires.toInstant(),
            revoked == null ? null : revoked.toInstant()),
        rows.getString("key_sha256"));
  }
}
