package dev.atomic.evidence.pack;

import java.util.List;

/** File names and type URIs of an audit pack; docs/evidence.md describes each file. */
public final class PackLayout {

  /** The signed manifest: a DSSE envelope around an in-toto Statement. */
  public static final String MANIFEST = "manifest.json";

  /** The Ed25519 public key that signed the manifest, as an SPKI PEM. */
  public static final String PUBLIC_KEY = "public-key.pem";

  public static final String CHANGESPEC = "changespec.json";
  public static final String PROVENANCE = "provenance.json";

  /** The mission's events, one canonical JSON object per line, in chain order. */
  public static final String EVENTS = "events.jsonl";

  /** One file per batch under this directory, e.g. {@code diffs/batch-1.diff}. */
  public static final String DIFFS = "diffs/";

  public static final String VERIFICATION = "verification.json";
  public static final String MUTATION = "mutation.json";

  /** The checkpoint decisions; see {@link ApprovalRecord}. */
  public static final String APPROVALS = "approvals.json";

  public static final String FINOPS = "finops.json";
  public static final String VERSIONS = "versions.json";

  /**
   * The mission workflow's Temporal history, as {@code WorkflowExecutionHistory.toJson} writes it:
   * {@code WorkflowReplayer} replays it against the workflow code.
   */
  public static final String HISTORY = "history.json";

  /**
   * What was redacted in the files a pack carries from outside the chain ({@link #CHANGESPEC},
   * {@link #HISTORY}, {@link #FINOPS}); see {@link PackRedaction}. Packs written before it existed
   * lack it, so it is not {@linkplain #EXPECTED expected}.
   */
  public static final String REDACTIONS = "redactions.json";

  /**
   * What every pack accounts for: each is in the pack, or declared absent with a reason. For {@link
   * #DIFFS}, any file under the directory counts.
   */
  public static final List<String> EXPECTED =
      List.of(
          CHANGESPEC,
          PROVENANCE,
          EVENTS,
          DIFFS,
          VERIFICATION,
          MUTATION,
          APPROVALS,
          FINOPS,
          VERSIONS,
          HISTORY);

  public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
  public static final String PREDICATE_TYPE = "https://atomic.dev/audit-pack/v1";
  public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";

  private PackLayout() {}

  /** True for the two files that carry the signature rather than being signed. */
  static boolean isEnvelopeFile(String name) {
    return MANIFEST.equals(name) || PUBLIC_KEY.equals(name);
  }
}
