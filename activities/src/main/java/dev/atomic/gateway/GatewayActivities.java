package dev.atomic.gateway;

import io.temporal.activity.ActivityInterface;

/** The gateway's checks for workflows: content passes here before it goes to a provider. */
@ActivityInterface
public interface GatewayActivities {

  /** Preflight of content for a provider; never returns the content unredacted. */
  PreflightResult preflight(PreflightRequest request);
}
