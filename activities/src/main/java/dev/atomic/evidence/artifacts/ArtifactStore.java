package dev.atomic.evidence.artifacts;

import dev.atomic.evidence.Sha256;
import dev.atomic.platform.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Content-addressed storage for what a mission produces that is too large for an event or a
 * workflow history (planned diffs, audit packs). The key is the SHA-256 of the bytes; storing the
 * same bytes again is a no-op, so a retried activity stores nothing twice.
 */
public final class ArtifactStore {

  /** Kinds of artifact. */
  public static final String DIFF = "diff";

  public static final String AUDIT_PACK = "audit-pack";

  /** One stored artifact. */
  public record Artifact(
      String sha256, String missionId, String kind, String mediaType, byte[] content) {}

  private final Database database;

  public ArtifactStore(DataSource dataSource) {
    this.database = new Database(dataSource);
  }

  /** Stores the bytes and returns their SHA-256. */
  public String put(String missionId, String kind, String mediaType, byte[] content) {
    String sha256 = Sha256.hex(content);
    try {
      database.inTransaction(
          connection -> {
            try (PreparedStatement exists =
                connection.prepareStatement("SELECT 1 FROM artifacts WHERE sha256 = ?")) {
              exists.setString(1, sha256);
              try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                  return null;
                }
              }
            }
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO artifacts (sha256, mission_id, kind, media_type, size_bytes, content)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
              insert.setString(1, sha256);
              insert.setString(2, missionId);
              insert.setString(3, kind);
              insert.setString(4, mediaType);
              insert.setLong(5, content.length);
              insert.setBytes(6, content);
              insert.executeUpdate();
            }
            return null;
          });
    } catch (SQLException e) {
      if (!Database.isUniqueViolation(e)) {
        throw new IllegalStateException(
            "cannot store the " + kind + " of " + missionId + ": " + e.getMessage(), e);
      }
    }
    return sha256;
  }

  /** The artifact with this digest, if stored. */
  public Optional<Artifact> get(String sha256) {
    try {
      return database.read(
          connection -> {
            try (PreparedStatement select =
                connection.prepareStatement(
                    "SELECT mission_id, kind, media_type, content FROM artifacts WHERE sha256 = ?")) {
              select.setString(1, sha256);
              try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                    ? Optional.of(
                        new Artifact(
                            sha256,
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getBytes(4)))
                    : Optional.<Artifact>empty();
              }
            }
          });
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read artifact " + sha256 + ": " + e.getMessage(), e);
    }
  }
}
