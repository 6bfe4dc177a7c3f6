package dev.atomic.evidence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks hash chains: events in order, each stream's seq contiguous from 1, ids derived from stream
 * and seq, every {@code prevHash} the hash of the event before, every hash recomputed. Several
 * streams may be interleaved in one list; each is checked on its own.
 */
public final class ChainVerifier {

  /**
   * What a verification found.
   *
   * @param checked the number of events that passed before the first failure (all, when valid)
   * @param failure the first failure, naming the event; {@code null} when the chain is intact
   */
  public record Result(int checked, String failure) {

    public boolean ok() {
      return failure == null;
    }
  }

  private ChainVerifier() {}

  /** Verifies {@code events} in list order and stops at the first failure. */
  public static Result verify(List<ChainedEvent> events) {
    Map<String, Set<Long>> seqsByStream = new HashMap<>();
    for (ChainedEvent event : events) {
      if (event != null && event.stream() != null) {
        seqsByStream.computeIfAbsent(event.stream(), s -> new HashSet<>()).add(event.seq());
      }
    }
    Map<String, ChainedEvent> lastByStream = new HashMap<>();
    Map<String, Set<Long>> seen = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      ChainedEvent event = events.get(i);
      String failure = check(event, i + 1, lastByStream, seen, seqsByStream);
      if (failure != null) {
        return new Result(i, failure);
      }
      lastByStream.put(event.stream(), event);
      seen.computeIfAbsent(event.stream(), s -> new HashSet<>()).add(event.seq());
    }
    return new Result(events.size(), null);
  }

  private static String check(
      ChainedEvent event,
      int position,
      Map<String, ChainedEvent> lastByStream,
      Map<String, Set<Long>> seen,
      Map<String, Set<Long>> seqsByStream) {
    String missing = missingField(event);
    if (missing != null) {
      String who = event == null || event.id() == null ? "at position " + position : event.id();
      return "event " + who + ": " + missing + " missing";
    }
    if (event.seq() < 1) {
      return "event " + event.id() + ": seq " + event.seq() + " is not a position (from 1)";
    }
    String stream = event.stream();
    String expectedId = EvidenceEvent.idFor(stream, event.seq());
    if (!expectedId.equals(event.id())) {
      return "event "
          + event.id()
          + ": id does not match stream "
          + stream
          + " and seq "
          + event.seq()
          + " (expected "
          + expectedId
          + ")";
    }
    ChainedEvent last = lastByStream.get(stream);
    long expectedSeq = last == null ? 1 : last.seq() + 1;
    if (event.seq() != expectedSeq) {
      if (seen.getOrDefault(stream, Set.of()).contains(event.seq())) {
        return "event " + event.id() + ": seq " + event.seq() + " appears more than once";
      }
      // Seqs below the expected one were all seen, so the event is ahead of its place.
      if (seqsByStream.get(stream).contains(expectedSeq)) {
        return "events out of order at "
            + event.id()
            + ": seq "
            + event.seq()
            + " comes before seq "
            + expectedSeq;
      }
      return "event seq "
          + expectedSeq
          + " missing in stream "
          + stream
          + " (next is "
          + event.id()
          + ")";
    }
    if (last == null) {
      if (!ChainedEvent.GENESIS.equals(event.prevHash())) {
        return "event " + event.id() + ": prevHash of the first event must be 64 zeros";
      }
    } else if (!last.hash().equals(event.prevHash())) {
      return "event "
          + event.id()
          + ": prevHash does not match the hash of "
          + last.id()
          + " (chain broken)";
    }
    String recomputed;
    try {
      recomputed = event.computeHash();
    } catch (IllegalArgumentException e) {
      return "event " + event.id() + ": cannot be hashed (" + e.getMessage() + ")";
    }
    if (!recomputed.equals(event.hash())) {
      return "event " + event.id() + ": hash mismatch (data changed?)";
    }
    return null;
  }

  private static String missingField(ChainedEvent event) {
    if (event == null) {
      return "the event";
    }
    if (event.id() == null) {
      return "id";
    }
    if (event.stream() == null) {
      return "stream";
    }
    if (event.type() == null) {
      return "type";
    }
    if (event.timestamp() == null) {
      return "timestamp";
    }
    if (event.prevHash() == null) {
      return "prevHash";
    }
    if (event.hash() == null) {
      return "hash";
    }
    return null;
  }
}
