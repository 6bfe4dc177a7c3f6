package dev.atomic.gateway;

import java.util.Map;

/**
 * Content to check before it is sent.
 *
 * @param provider the destination, or null
 * @param metadata free-form context (e.g. the mission), never scanned or forwarded
 */
public record PreflightRequest(String content, String provider, Map<String, Object> metadata) {}
