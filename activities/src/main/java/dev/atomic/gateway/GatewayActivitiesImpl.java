package dev.atomic.gateway;

import io.temporal.failure.ApplicationFailure;

/** Runs preflight checks on a worker of the {@code atomic-gateway} queue. */
public class GatewayActivitiesImpl implements GatewayActivities {

  /** Failure type of a request the gateway cannot check (unknown provider, no content). */
  public static final String INVALID = "GatewayInvalid";

  private final Preflight preflight;

  public GatewayActivitiesImpl(Preflight preflight) {
    this.preflight = preflight;
  }

  @Override
  public PreflightResult preflight(PreflightRequest request) {
    if (request == null || request.content() == null) {
      throw ApplicationFailure.newNonRetryableFailure("content is required", INVALID);
    }
    try {
      return preflight.check(request.content(), request.provider());
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID);
    }
  }
}
