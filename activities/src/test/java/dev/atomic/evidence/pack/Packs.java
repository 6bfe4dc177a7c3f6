package dev.atomic.evidence.pack;

import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A realistic mission's events and pack contents, and raw ZIP surgery for tamper tests. */
public final class Packs {

  static final String MISSION = "M-7";
  static final Instant CREATED_AT = Instant.parse("2026-11-28T12:00:00Z");

  private Packs() {}

  /** A ledger-mode mission from creation to completion: ten events, three decisions. */
  static List<ChainedEvent> missionEvents() {
    List<ChainedEvent> events = new ArrayList<>();
    add(
        events,
        EventTypes.MISSION_CREATED,
        "alice",
        Map.of("title", "Rename UserId", "risk", "medium"));
    add(events, EventTypes.CHECKPOINT_OPENED, "platform", Map.of("checkpoint", "plan"));
    add(
        events,
        EventTypes.CHECKPOINT_APPROVED,
        "bob",
        Map.of("checkpoint", "plan", "comment", "scope ok"));
    add(events, EventTypes.CHECKPOINT_OPENED, "platform", Map.of("checkpoint", "execute"));
    add(events, EventTypes.BATCH_REGISTERED, "agent-1", Map.of("batchId", "batch-1", "files", 12));
    add(events, EventTypes.CHECKPOINT_APPROVED, "bob", Map.of("checkpoint", "execute"));
    add(
        events,
        EventTypes.VERIFICATION_COMPLETED,
        "platform",
        Map.of("result", "nothing to verify"));
    add(events, EventTypes.CHECKPOINT_OPENED, "platform", Map.of("checkpoint", "finalize"));
    add(
        events,
        EventTypes.CHECKPOINT_APPROVED,
        "carol",
        Map.of("checkpoint", "finalize", "comment", "ship it"));
    add(events, EventTypes.MISSION_COMPLETED, "platform", Map.of());
    return events;
  }

  /** Every expected file, from these events; mutation testing declared not run. */
  static AuditPackContents.Builder contents(List<ChainedEvent> events) {
    return contents(events, Approvals.fromEvents(events));
  }

  static AuditPackContents.Builder contents(
      List<ChainedEvent> events, List<ApprovalRecord> approvals) {
    return AuditPackContents.builder(MISSION, CREATED_AT)
        .platformVersion("0.1.0-test")
        .file(PackLayout.CHANGESPEC, "{\"intent\":\"rename UserId to AccountId\"}\n")
        .file(PackLayout.PROVENANCE, "{\"nodes\":[],\"edges\":[]}\n")
        .file(PackLayout.EVENTS, EventsFile.write(events))
        .file("diffs/batch-1.diff", "--- a/User.java\n+++ b/User.java\n-UserId\n+AccountId\n")
        .file(PackLayout.VERIFICATION, "{\"success\":true}\n")
        .file(PackLayout.APPROVALS, Approvals.toJson(approvals))
        .file(PackLayout.FINOPS, "{\"consumedUsd\":1.25}\n")
        .file(PackLayout.VERSIONS, "{\"atomic\":\"0.1.0-test\"}\n")
        .file(PackLayout.HISTORY, "{\"events\":[]}\n")
        .absent(PackLayout.MUTATION, "mutation testing was not run for a ledger-mode mission");
  }

  public static Map<String, byte[]> entries(byte[] zip) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** The pack with its entries edited in place, nothing re-signed. */
  public static byte[] edit(byte[] pack, Consumer<Map<String, byte[]>> change) {
    Map<String, byte[]> entries = new HashMap<>(entries(pack));
    change.accept(entries);
    return zip(entries);
  }

  /** A ZIP of exactly these entries, names unchecked. */
  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void add(
      List<ChainedEvent> events, String type, String actor, Map<String, Object> data) {
    long seq = events.size() + 1;
    String prevHash =
        events.isEmpty() ? ChainedEvent.GENESIS : events.get(events.size() - 1).hash();
    EvidenceEvent event =
        new EvidenceEvent(
            EvidenceEvent.idFor(MISSION, seq),
            MISSION,
            seq,
            MISSION,
            type,
            actor,
            CREATED_AT.minusSeconds(600 - seq * 10).toString(),
            data);
    events.add(ChainedEvent.link(event, prevHash));
  }
}
