package dev.atomic.gateway;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The gateway's checks for workflows: content passes here before it goes to a provider. */
@ActivityInterface
public interface GatewayActivities {

  /** Preflight of content for a provider; never returns the content unredacted. */
  PreflightResult preflight(PreflightRequest request);

  /** Secrets in the lines a stored diff adds (by its SHA-256), with file and line, masked. */
  @ActivityMethod(name = "GatewayScanDiff")
  DiffScan scanDiff(String diffSha256);
}
