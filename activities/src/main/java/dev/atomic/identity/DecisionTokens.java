package dev.atomic.identity;

import dev.atomic.evidence.Sha256;
import dev.atomic.platform.Database;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Decision tokens: what an approval by Temporal signal carries instead of a claimed name. The API
 * issues one to an authenticated caller for one mission, checkpoint and verdict; it is short-lived
 * and counts once. Only its SHA-256 is stored. The mission workflow redeems it through an activity,
 * which records the redemption's id, so that a retried activity gets the same answer and any other
 * redemption of the same token is refused.
 */
public final class DecisionTokens {

  /** The prefix of every decision token. */
  public static final String PREFIX = "adt_";

  /** A token just issued; {@code token} is shown to its caller only. */
  public record Issued(String token, Instant expiresAt) {}

  /** The outcome of a redemption: the verified actor, or why the token does not count. */
  public record Redemption(String actor, String refusal) {
    public boolean valid() {
      return refusal == null;
    }
  }

  private final Database database;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public DecisionTokens(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Issues a token for {@code actor} to decide {@code checkpoint} of {@code missionId}. */
  public Issued issue(
      String missionId, String checkpoint, String verdict, String actor, Duration validFor)
      throws SQLException {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    Instant expires = now.plus(validFor);
    database.inTransaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO decision_tokens (token_sha256, mission_id, checkpoint, verdict,"
                      + " actor, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, Sha256.hex(token));
            insert.setString(2, missionId);
            insert.setString(3, checkpoint);
            insert.setString(4, verdict);
            insert.setString(5, actor);
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(expires));
            insert.executeUpdate();
          }
          return null;
        });
    return new Issued(token, expires);
  }

  /**
   * Redeems {@code token} for a decision of {@code checkpoint} with {@code verdict} on {@code
   * missionId}. The same {@code redemptionId} always gets the same answer.
   */
  public Redemption redeem(
      String token, String missionId, String checkpoint, String verdict, String redemptionId)
      throws SQLException {
    if (token == null || token.isBlank()) {
      return new Redemption(null, "no decision token (get one from the API)");
    }
    if (!token.startsWith(PREFIX) || token.length() > 100) {
      return new Redemption(null, "not a decision token");
    }
    String digest = Sha256.hex(token);
    Instant now = clock.instant();
    return database.inTransaction(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT mission_id, checkpoint, verdict, actor, expires_at, redeemed_by FROM"
                      + " decision_tokens WHERE token_sha256 = ? FOR UPDATE")) {
            select.setString(1, digest);
            try (ResultSet row = select.executeQuery()) {
              if (!row.next()) {
                return new Redemption(null, "unknown decision token");
              }
              String actor = row.getString("actor");
              String redeemedBy = row.getString("redeemed_by");
              if (redeemedBy != null) {
                return redeemedBy.equals(redemptionId)
                    ? new Redemption(actor, null)
                    : new Redemption(null, "the decision token was used already");
              }
              if (!missionId.equals(row.getString("mission_id"))
                  || !checkpoint.equals(row.getString("checkpoint"))
                  || !verdict.equals(row.getString("verdict"))) {
                return new Redemption(
                    null,
                    "the decision token is for "
                        + row.getString("verdict")
                        + " of "
                        + row.getString("checkpoint")
                        + " on "
                        + row.getString("mission_id"));
              }
              if (!now.isBefore(row.getTimestamp("expires_at").toInstant())) {
                return new Redemption(null, "the decision token expired");
              }
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE decision_tokens SET redeemed_by = ?, redeemed_at = ? WHERE"
                          + " token_sha256 = ? AND redeemed_by IS NULL")) {
                update.setString(1, redemptionId);
                update.setTimestamp(2, Timestamp.from(now));
                update.setString(3, digest);
                if (update.executeUpdate() != 1) {
                  return new Redemption(null, "the decision token was used already");
                }
              }
              return new Redemption(actor, null);
            }
          }
        });
  }
}
