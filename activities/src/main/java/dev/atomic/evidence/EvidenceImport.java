package dev.atomic.evidence;

import dev.atomic.platform.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Restores a mission's evidence from its backup ({@link EvidenceBackup}) into a store that does not
 * hold that stream yet, with ids, order, timestamps and hashes as they were.
 *
 * <p>Nothing is written unless the whole backup passes: the chain is verified first with the
 * verifier's own code ({@link ChainVerifier}, every hash recomputed), the events must all belong to
 * the mission's stream, then the rows go in, in batches, in one transaction, and the stored chain
 * is read back and verified again before the transaction commits. Restoring a backup the store
 * already holds, event for event, is a no-op; any other content in the stream is a conflict.
 *
 * <p>The events are stored as the backup has them: they were redacted when first recorded, and
 * redacting them again would change their hashes. A chain is only self-consistent; whether it is
 * the chain that was backed up shows by comparing its head hash with one recorded elsewhere (an
 * audit pack, the output of {@code atomic evidence backup}).
 */
public final class EvidenceImport {

  /** Why a backup was not restored. */
  public enum Problem {
    /** The chain is broken or altered; the message names the first bad event. */
    BROKEN_CHAIN,
    /** The stream already holds other events. */
    CONFLICT
  }

  /** A backup that was not restored; nothing was written. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    private final Problem problem;

    Refused(Problem problem, String message) {
      super(message, null, false, false);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  /**
   * What a restore did.
   *
   * @param imported events written now; 0 when the store held the backup already
   * @param head the last event of the stream
   */
  public record Result(String missionId, int imported, int events, ChainedEvent head) {

    public boolean alreadyStored() {
      return imported == 0;
    }
  }

  private final Database database;
  private final EvidenceEventRepository events;

  /**
   * @param batchSize rows per JDBC batch ({@code EVIDENCE_BATCH_SIZE})
   */
  public EvidenceImport(Database database, int batchSize) {
    this.database = database;
    // Restored events keep the data they were hashed with: nothing is redacted on the way in.
    this.events = new EvidenceEventRepository(EvidenceRedactor.none(), batchSize);
  }

  /**
   * Restores {@code backup}.
   *
   * @throws Refused when the chain does not verify, an event belongs to another stream or mission,
   *     the declared count differs, or the stream holds other events
   */
  public Result restore(EvidenceBackup backup) throws Refused, SQLException {
    String missionId = backup.missionId();
    List<ChainedEvent> chain = backup.events();
    if (backup.count() != null && backup.count() != chain.size()) {
      throw new Refused(
          Problem.BROKEN_CHAIN,
          "the backup declares count "
              + backup.count()
              + " but holds "
              + chain.size()
              + " events: events were removed or added");
    }
    for (ChainedEvent event : chain) {
      String owner = ownerProblem(missionId, event);
      if (owner != null) {
        throw new Refused(Problem.BROKEN_CHAIN, owner);
      }
    }
    ChainVerifier.Result verified = ChainVerifier.verify(chain);
    if (!verified.ok()) {
      throw new Refused(Problem.BROKEN_CHAIN, verified.failure());
    }
    try {
      try {
        return database.inTransaction(connection -> write(connection, missionId, chain));
      } catch (SQLException e) {
        if (!Database.isUniqueViolation(e)) {
          throw e;
        }
        // Another restore of the same stream committed first: identical is a no-op, else a
        // conflict, as if it had come before this one.
        return database.inTransaction(connection -> write(connection, missionId, chain));
      }
    } catch (Conflict conflict) {
      throw new Refused(Problem.CONFLICT, conflict.getMessage());
    } catch (StoredDiffers differs) {
      throw new Refused(Problem.BROKEN_CHAIN, differs.getMessage());
    }
  }

  private Result write(Connection connection, String missionId, List<ChainedEvent> chain)
      throws SQLException {
    ChainedEvent head = chain.get(chain.size() - 1);
    List<ChainedEvent> stored = events.chain(connection, missionId);
    if (!stored.isEmpty()) {
      if (same(stored, chain)) {
        return new Result(missionId, 0, stored.size(), head);
      }
      ChainedEvent storedHead = stored.get(stored.size() - 1);
      throw new Conflict(
          "the store already holds "
              + stored.size()
              + " event(s) of "
              + missionId
              + " (head "
              + storedHead.id()
              + ", hash "
              + storedHead.hash()
              + ") that differ from the backup's "
              + chain.size()
              + " (head "
              + head.id()
              + ", hash "
              + head.hash()
              + "); restore into a store without this mission's evidence");
    }
    events.insertAll(connection, chain);
    List<ChainedEvent> written = events.chain(connection, missionId);
    ChainVerifier.Result check = ChainVerifier.verify(written);
    if (!check.ok() || !same(written, chain)) {
      // Rolls the transaction back: a value the database cannot keep as given.
      throw new StoredDiffers(
          "the store would not keep the events as the backup has them"
              + (check.ok() ? "" : ": " + check.failure()));
    }
    return new Result(missionId, chain.size(), chain.size(), head);
  }

  private static String ownerProblem(String missionId, ChainedEvent event) {
    if (event.stream() != null && !event.stream().equals(missionId)) {
      return "event "
          + event.id()
          + ": stream "
          + event.stream()
          + " is not the backup's mission "
          + missionId;
    }
    if (event.missionId() != null && !event.missionId().equals(missionId)) {
      return "event "
          + event.id()
          + ": missionId "
          + event.missionId()
          + " is not the backup's mission "
          + missionId;
    }
    return null;
  }

  private static boolean same(List<ChainedEvent> stored, List<ChainedEvent> backup) {
    if (stored.size() != backup.size()) {
      return false;
    }
    for (int i = 0; i < stored.size(); i++) {
      if (!stored.get(i).id().equals(backup.get(i).id())
          || !stored.get(i).hash().equals(backup.get(i).hash())) {
        return false;
      }
    }
    return true;
  }

  /** Rolls back the transaction; the stream holds other events. */
  private static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict(String message) {
      super(message, null, false, false);
    }
  }

  /** Rolls back the transaction; what was written does not read back as the backup. */
  private static final class StoredDiffers extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoredDiffers(String message) {
      super(message, null, false, false);
    }
  }
}
