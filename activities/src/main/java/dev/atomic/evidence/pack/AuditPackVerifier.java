package dev.atomic.evidence.pack;

import dev.atomic.evidence.ChainVerifier;
import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.Sha256;
import dev.atomic.evidence.pack.VerificationReport.Check;
import dev.atomic.evidence.pack.VerificationReport.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Verifies an audit pack offline, with nothing but the pack and, optionally, the public key the
 * auditor trusts. Checks, in order: {@code archive} (safe, readable ZIP), {@code manifest} (a DSSE
 * envelope), {@code public key} ({@code public-key.pem}, and that it is the given key), {@code
 * signature} (Ed25519 over the DSSE encoding), {@code statement} (the in-toto Statement), {@code
 * files} (every digest; nothing missing, nothing unlisted), {@code contents} (every expected file
 * present or declared absent), {@code events} (the hash chain of {@code events.jsonl}) and {@code
 * approvals} ({@code approvals.json} against the decision events).
 *
 * <p>Without a given key the signature proves only that the pack is intact since it was signed by
 * the key it carries; comparing that key's id with the one the platform publishes proves who signed
 * it.
 */
public final class AuditPackVerifier {

  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  public static final long DEFAULT_MAX_TOTAL_BYTES = 256L * 1024 * 1024;

  private final int maxEntries;
  private final long maxTotalBytes;

  public AuditPackVerifier() {
    this(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_TOTAL_BYTES);
  }

  /** A verifier that refuses packs with more entries or more uncompressed bytes than given. */
  public AuditPackVerifier(int maxEntries, long maxTotalBytes) {
    this.maxEntries = maxEntries;
    this.maxTotalBytes = maxTotalBytes;
  }

  /** Verifies with the key embedded in the pack. */
  public VerificationReport verify(byte[] pack) {
    return verify(pack, null);
  }

  /**
   * @param trustedKey the key the pack must be signed with ({@code --key}); {@code null} to use the
   *     embedded one
   */
  public VerificationReport verify(byte[] pack, PublicKey trustedKey) {
    Run run = new Run(trustedKey);
    try {
      return run.verify(PackArchive.read(pack, maxEntries, maxTotalBytes));
    } catch (PackFormatException e) {
      return run.unreadable(e);
    }
  }

  /** Verifies a pack file; see {@link #verify(byte[], PublicKey)}. */
  public VerificationReport verify(Path pack, PublicKey trustedKey) {
    Run run = new Run(trustedKey);
    try {
      return run.verify(PackArchive.read(pack, maxEntries, maxTotalBytes));
    } catch (PackFormatException e) {
      return run.unreadable(e);
    }
  }

  /** A check that did not pass; its message names what failed. */
  private static final class Failed extends Exception {
    Failed(String message) {
      super(message, null, false, false);
    }
  }

  @FunctionalInterface
  private interface Step {
    String run() throws Failed;
  }

  /** The state of one verification: what earlier checks established for later ones. */
  private static final class Run {

    private final PublicKey trustedKey;
    private final List<Check> checks = new ArrayList<>();
    private SortedMap<String, byte[]> files;
    private Dsse.Envelope envelope;
    private PublicKey key;
    private PackStatement statement;
    private List<ChainedEvent> events;
    private boolean eventsIntact;

    Run(PublicKey trustedKey) {
      this.trustedKey = trustedKey;
    }

    VerificationReport unreadable(PackFormatException e) {
      checks.add(new Check("archive", Status.FAILED, e.getMessage()));
      for (String name :
          List.of(
              "manifest",
              "public key",
              "signature",
              "statement",
              "files",
              "contents",
              "events",
              "approvals")) {
        checks.add(new Check(name, Status.SKIPPED, "needs a readable archive"));
      }
      return new VerificationReport(checks);
    }

    VerificationReport verify(SortedMap<String, byte[]> entries) {
      files = entries;
      checks.add(
          new Check(
              "archive",
              Status.PASSED,
              entries.size() + " files, all with safe names, within the limits"));
      step("manifest", true, null, this::manifest);
      step("public key", true, null, this::publicKey);
      step(
          "signature",
          envelope != null && key != null,
          "needs the manifest and a public key",
          this::signature);
      step("statement", envelope != null, "needs the manifest", this::statement);
      step("files", statement != null, "needs the signed statement", this::files);
      step("contents", statement != null, "needs the signed statement", this::contents);
      step("events", statement != null, "needs the signed statement", this::events);
      step("approvals", eventsIntact, "needs an intact events.jsonl", this::approvals);
      return new VerificationReport(checks);
    }

    private void step(String name, boolean possible, String needs, Step step) {
      if (!possible) {
        checks.add(new Check(name, Status.SKIPPED, needs));
        return;
      }
      try {
        checks.add(new Check(name, Status.PASSED, step.run()));
      } catch (Failed e) {
        checks.add(new Check(name, Status.FAILED, e.getMessage()));
      }
    }

    private String manifest() throws Failed {
      byte[] bytes = present(PackLayout.MANIFEST);
      Dsse.Envelope parsed;
      try {
        parsed = Dsse.Envelope.parse(bytes);
      } catch (IllegalArgumentException e) {
        throw new Failed("manifest.json is not a DSSE envelope (" + e.getMessage() + ")");
      }
      if (!PackLayout.PAYLOAD_TYPE.equals(parsed.payloadType())) {
        throw new Failed(
            "manifest.json: payloadType is \""
                + parsed.payloadType()
                + "\", expected "
                + PackLayout.PAYLOAD_TYPE);
      }
      envelope = parsed;
      return "DSSE envelope, " + parsed.signatures().size() + " signature(s)";
    }

    private String publicKey() throws Failed {
      byte[] bytes = present(PackLayout.PUBLIC_KEY);
      PublicKey embedded;
      try {
        embedded = SigningKeys.publicKeyFromPem(new String(bytes, StandardCharsets.US_ASCII));
      } catch (IllegalArgumentException e) {
        key = trustedKey;
        throw new Failed("public-key.pem is not an Ed25519 public key (" + e.getMessage() + ")");
      }
      String embeddedId = SigningKeys.keyId(embedded);
      if (trustedKey == null) {
        key = embedded;
        return "key id "
            + embeddedId
            + " (the pack's own key: compare it with the key id your platform publishes)";
      }
      key = trustedKey;
      String trustedId = SigningKeys.keyId(trustedKey);
      if (!trustedId.equals(embeddedId)) {
        throw new Failed(
            "public-key.pem does not match the given key (key id "
                + embeddedId
                + ", given "
                + trustedId
                + ")");
      }
      return "key id " + embeddedId + ", the key given for verification";
    }

    private String signature() throws Failed {
      String keyId = SigningKeys.keyId(key);
      String whose = trustedKey != null ? "the given key" : "public-key.pem";
      List<Dsse.Signature> byKey =
          envelope.signatures().stream().filter(s -> keyId.equals(s.keyid())).toList();
      if (byKey.isEmpty()) {
        String ids =
            envelope.signatures().stream()
                .map(Dsse.Signature::keyid)
                .collect(Collectors.joining(", "));
        throw new Failed(
            "manifest.json is signed by key id "
                + ids
                + ", not by "
                + whose
                + " (key id "
                + keyId
                + ")");
      }
      byte[] signed = Dsse.pae(envelope.payloadType(), envelope.payload());
      for (Dsse.Signature candidate : byKey) {
        if (verifies(key, signed, candidate.sig())) {
          return "Ed25519 signature by key id " + keyId + " verifies";
        }
      }
      throw new Failed(
          "manifest.json: the signature does not verify with "
              + whose
              + " (key id "
              + keyId
              + "); the manifest was altered or signed with another key");
    }

    private String statement() throws Failed {
      try {
        statement = PackStatement.parse(envelope.payload());
      } catch (IllegalArgumentException e) {
        throw new Failed(
            "manifest.json: the signed statement is malformed (" + e.getMessage() + ")");
      }
      return "in-toto Statement v1 for mission "
          + statement.missionId()
          + ": "
          + statement.subjects().size()
          + " files, "
          + statement.absent().size()
          + " declared absent";
    }

    private String files() throws Failed {
      TreeSet<String> names = new TreeSet<>(statement.subjects().keySet());
      names.addAll(files.keySet());
      for (String name : names) {
        if (PackLayout.isEnvelopeFile(name)) {
          continue;
        }
        String listed = statement.subjects().get(name);
        byte[] content = files.get(name);
        if (listed == null) {
          throw new Failed(name + " is in the pack but not listed in the manifest");
        }
        if (content == null) {
          throw new Failed(name + " is listed in the manifest but missing from the pack");
        }
        String actual = Sha256.hex(content);
        if (!actual.equals(listed)) {
          throw new Failed(
              name + ": sha256 mismatch (manifest " + listed + ", file " + actual + ")");
        }
      }
      return statement.subjects().size() + " files match their sha256 digests; no file unlisted";
    }

    private String contents() throws Failed {
      for (String expected : PackLayout.EXPECTED) {
        boolean present =
            expected.endsWith("/")
                ? statement.subjects().keySet().stream().anyMatch(n -> n.startsWith(expected))
                : statement.subjects().containsKey(expected);
        if (!present && !statement.absent().containsKey(expected)) {
          throw new Failed(expected + " is neither in the pack nor declared absent");
        }
      }
      String redacted = redactions();
      if (statement.absent().isEmpty()) {
        return "every expected file is present" + redacted;
      }
      return "every expected file is present or declared absent; absent: "
          + statement.absent().entrySet().stream()
              .map(e -> e.getKey() + " (" + e.getValue() + ")")
              .collect(Collectors.joining(", "))
          + redacted;
    }

    /** What {@code redactions.json} says was redacted, or nothing for a pack without it. */
    private String redactions() throws Failed {
      byte[] report = files.get(PackLayout.REDACTIONS);
      if (report == null) {
        return "";
      }
      com.fasterxml.jackson.databind.JsonNode redacted;
      try {
        redacted = dev.atomic.platform.Json.mapper().readTree(report).path("redacted");
      } catch (java.io.IOException e) {
        throw new Failed(PackLayout.REDACTIONS + " is not JSON: " + e.getMessage());
      }
      if (redacted.isEmpty()) {
        return "; nothing was redacted (" + PackLayout.REDACTIONS + ")";
      }
      java.util.Map<String, Integer> perFile = new java.util.TreeMap<>();
      redacted.forEach(entry -> perFile.merge(entry.path("file").asText("?"), 1, Integer::sum));
      return "; redacted: "
          + perFile.entrySet().stream()
              .map(
                  e ->
                      e.getValue()
                          + (e.getValue() == 1 ? " value" : " values")
                          + " in "
                          + e.getKey())
              .collect(Collectors.joining(", "))
          + " ("
          + PackLayout.REDACTIONS
          + ")";
    }

    private String events() throws Failed {
      if (statement.absent().containsKey(PackLayout.EVENTS)) {
        throw new Failed(
            "events.jsonl is declared absent ("
                + statement.absent().get(PackLayout.EVENTS)
                + "), but a pack must carry its events");
      }
      byte[] bytes = present(PackLayout.EVENTS);
      List<ChainedEvent> parsed;
      try {
        parsed = EventsFile.parse(bytes);
      } catch (IllegalArgumentException e) {
        throw new Failed(e.getMessage());
      }
      events = parsed;
      if (parsed.isEmpty()) {
        throw new Failed("events.jsonl holds no events");
      }
      ChainVerifier.Result chain = ChainVerifier.verify(parsed);
      if (!chain.ok()) {
        throw new Failed("events.jsonl: " + chain.failure());
      }
      for (ChainedEvent event : parsed) {
        if (event.missionId() != null && !event.missionId().equals(statement.missionId())) {
          throw new Failed(
              "events.jsonl: event "
                  + event.id()
                  + " belongs to mission "
                  + event.missionId()
                  + ", not to "
                  + statement.missionId());
        }
      }
      eventsIntact = true;
      return parsed.size()
          + " events, hash chain intact up to "
          + parsed.get(parsed.size() - 1).hash();
    }

    private String approvals() throws Failed {
      long decisions = Approvals.fromEvents(events).size();
      String absentReason = statement.absent().get(PackLayout.APPROVALS);
      if (absentReason != null) {
        return "approvals.json declared absent ("
            + absentReason
            + "); events.jsonl records "
            + decisions
            + " decision(s)";
      }
      byte[] bytes = present(PackLayout.APPROVALS);
      String mismatch;
      try {
        mismatch = Approvals.mismatch(Approvals.parse(bytes), events);
      } catch (IllegalArgumentException e) {
        throw new Failed(e.getMessage());
      }
      if (mismatch != null) {
        throw new Failed(mismatch);
      }
      return decisions + " decision(s) match the CheckpointApproved/CheckpointRejected events";
    }

    private byte[] present(String name) throws Failed {
      byte[] bytes = files.get(name);
      if (bytes == null) {
        throw new Failed(name + " is missing from the pack");
      }
      return bytes;
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
      try {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
      } catch (GeneralSecurityException e) {
        return false;
      }
    }
  }
}
