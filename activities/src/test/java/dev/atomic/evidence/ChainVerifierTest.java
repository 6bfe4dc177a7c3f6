package dev.atomic.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building chains and finding the first place one is broken. */
class ChainVerifierTest {

  @Test
  void hashesPrevHashFollowedByTheCanonicalEventWithoutItsHash() {
    EvidenceEvent created =
        new EvidenceEvent(
            "EVT-M-1-1",
            "M-1",
            1,
            "M-1",
            EventTypes.MISSION_CREATED,
            "alice",
            "2026-11-28T10:00:00Z",
            Map.of("title", "Rename UserId", "risk", "medium"));

    ChainedEvent linked = ChainedEvent.link(created, ChainedEvent.GENESIS);

    // sha256("000…0" + the canonical JSON below); docs/evidence.md shows the same example.
    assertThat(CanonicalJson.of(linked.hashedJson()))
        .isEqualTo(
            "{\"actor\":\"alice\",\"data\":{\"risk\":\"medium\",\"title\":\"Rename UserId\"},"
                + "\"id\":\"EVT-M-1-1\",\"missionId\":\"M-1\",\"prevHash\":\""
                + ChainedEvent.GENESIS
                + "\",\"seq\":1,\"stream\":\"M-1\",\"timestamp\":\"2026-11-28T10:00:00Z\","
                + "\"type\":\"MissionCreated\"}");
    assertThat(linked.hash())
        .isEqualTo("7b6b8fd46246ff8b93f93e3a396d0b94991bb023c2f4f535ef6f3c39db0c6b0e");
  }

  @Test
  void hashesTheTimestampInOneNormalForm() {
    ChainedEvent a =
        ChainedEvent.link(event("M-1", 1, "2026-11-28T10:00:00.000Z"), ChainedEvent.GENESIS);
    ChainedEvent b =
        ChainedEvent.link(event("M-1", 1, "2026-11-28T10:00:00Z"), ChainedEvent.GENESIS);

    assertThat(a.timestamp()).isEqualTo("2026-11-28T10:00:00Z");
    assertThat(a.hash()).isEqualTo(b.hash());
  }

  @Test
  void acceptsAnIntactChain() {
    List<ChainedEvent> chain = chain("M-1", 5);

    assertThat(ChainVerifier.verify(chain)).isEqualTo(new ChainVerifier.Result(5, null));
  }

  @Test
  void acceptsInterleavedStreamsEachIntact() {
    List<ChainedEvent> mission = chain("M-1", 3);
    List<ChainedEvent> budget = chain("budget:team-a", 2);
    List<ChainedEvent> interleaved =
        List.of(mission.get(0), budget.get(0), mission.get(1), budget.get(1), mission.get(2));

    assertThat(ChainVerifier.verify(interleaved).ok()).isTrue();
  }

  @Test
  void namesTheEventWhoseDataChanged() {
    List<ChainedEvent> chain = chain("M-1", 5);
    ChainedEvent third = chain.get(2);
    Map<String, Object> forged = new LinkedHashMap<>(third.data());
    forged.put("comment", "looks fine");
    chain.set(
        2,
        new ChainedEvent(
            third.id(),
            third.stream(),
            third.seq(),
            third.missionId(),
            third.type(),
            third.timestamp(),
            third.actor(),
            forged,
            third.prevHash(),
            third.hash()));

    assertThat(ChainVerifier.verify(chain))
        .isEqualTo(new ChainVerifier.Result(2, "event EVT-M-1-3: hash mismatch (data changed?)"));
  }

  @Test
  void namesTheEventAfterOneThatWasRehashed() {
    List<ChainedEvent> chain = chain("M-1", 5);
    ChainedEvent third = chain.get(2);
    ChainedEvent rehashed =
        ChainedEvent.link(
            third.event().withData(Map.of("checkpoint", "finalize")), third.prevHash());
    chain.set(2, rehashed);

    assertThat(ChainVerifier.verify(chain).failure())
        .isEqualTo("event EVT-M-1-4: prevHash does not match the hash of EVT-M-1-3 (chain broken)");
  }

  @Test
  void namesTheMissingSeqWhenAnEventIsDropped() {
    List<ChainedEvent> chain = chain("M-1", 5);
    chain.remove(3);

    assertThat(ChainVerifier.verify(chain).failure())
        .isEqualTo("event seq 4 missing in stream M-1 (next is EVT-M-1-5)");
  }

  @Test
  void namesWhereEventsAreOutOfOrder() {
    List<ChainedEvent> chain = chain("M-1", 5);
    chain.add(1, chain.remove(2));

    assertThat(ChainVerifier.verify(chain).failure())
        .isEqualTo("events out of order at EVT-M-1-3: seq 3 comes before seq 2");
  }

  @Test
  void namesAnEventThatAppearsTwice() {
    List<ChainedEvent> chain = chain("M-1", 3);
    chain.add(chain.get(1));

    assertThat(ChainVerifier.verify(chain).failure())
        .isEqualTo("event EVT-M-1-2: seq 2 appears more than once");
  }

  @Test
  void requiresTheFirstEventToStartFromZeros() {
    ChainedEvent first = ChainedEvent.link(event("M-1", 1, "2026-11-28T10:00:00Z"), "f".repeat(64));

    assertThat(ChainVerifier.verify(List.of(first)).failure())
        .isEqualTo("event EVT-M-1-1: prevHash of the first event must be 64 zeros");
  }

  @Test
  void requiresIdsDerivedFromStreamAndSeq() {
    ChainedEvent first = chain("M-1", 1).get(0);
    ChainedEvent renamed =
        new ChainedEvent(
            "EVT-M-2-1",
            first.stream(),
            first.seq(),
            first.missionId(),
            first.type(),
            first.timestamp(),
            first.actor(),
            first.data(),
            first.prevHash(),
            first.hash());

    assertThat(ChainVerifier.verify(List.of(renamed)).failure())
        .isEqualTo("event EVT-M-2-1: id does not match stream M-1 and seq 1 (expected EVT-M-1-1)");
  }

  @Test
  void readsBackTheLineItWrites() {
    ChainedEvent first = chain("budget:team-a", 1).get(0);

    ChainedEvent read = ChainedEvent.fromJson(first.toJsonLine());

    assertThat(read).isEqualTo(first);
    assertThat(first.toJsonLine()).doesNotContain("\n").contains("\"missionId\":null");
  }

  static List<ChainedEvent> chain(String stream, int length) {
    List<ChainedEvent> events = new ArrayList<>();
    String prevHash = ChainedEvent.GENESIS;
    for (int seq = 1; seq <= length; seq++) {
      ChainedEvent linked =
          ChainedEvent.link(event(stream, seq, "2026-11-28T10:00:0" + seq + "Z"), prevHash);
      events.add(linked);
      prevHash = linked.hash();
    }
    return events;
  }

  private static EvidenceEvent event(String stream, long seq, String timestamp) {
    String missionId = stream.startsWith("budget:") ? null : stream;
    return new EvidenceEvent(
        EvidenceEvent.idFor(stream, seq),
        stream,
        seq,
        missionId,
        EventTypes.CHECKPOINT_OPENED,
        "platform",
        timestamp,
        Map.of("checkpoint", "plan", "n", seq));
  }
}
