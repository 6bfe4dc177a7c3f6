package dev.atomic.gateway;

import io.temporal.failure.ApplicationFailure;

/** Runs preflight checks on a worker of the {@code atomic-gateway} queue. */
public class GatewayActivitiesImpl implements GatewayActivities {

  /** Failure type of a request the gateway cannot check (unknown provider, no content). */
  public static final String INVALID = "GatewayInvalid";

  private final Preflight preflight;
  private final RedactionEngine engine;
  private final dev.atomic.evidence.artifacts.ArtifactStore artifacts;

  public GatewayActivitiesImpl(Preflight preflight) {
    this(preflight, new RedactionEngine(), null);
  }

  /**
   * @param artifacts where planned diffs are read from; null when this worker scans none
   */
  public GatewayActivitiesImpl(
      Preflight preflight,
      RedactionEngine engine,
      dev.atomic.evidence.artifacts.ArtifactStore artifacts) {
    this.preflight = preflight;
    this.engine = engine;
    this.artifacts = artifacts;
  }

  @Override
  public DiffScan scanDiff(String diffSha256) {
    if (artifacts == null) {
      throw ApplicationFailure.newNonRetryableFailure("this worker has no artifact store", INVALID);
    }
    byte[] diff =
        artifacts
            .get(diffSha256)
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "no stored diff " + diffSha256, INVALID))
            .content();
    return DiffScan.of(new String(diff, java.nio.charset.StandardCharsets.UTF_8), engine);
  }

  @Override
  public PreflightResult preflight(PreflightRequest request) {
    if (request == null || request.content() == null) {
      throw ApplicationFailure.newNonRetryableFailure("content is required", INVALID);
    }
    try {
      return preflight.check(request.content(), request.provider(), "activity");
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID);
    }
  }
}
