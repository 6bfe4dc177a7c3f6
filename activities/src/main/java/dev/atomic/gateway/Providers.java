package dev.atomic.gateway;

import java.util.List;

/** The AI providers the gateway knows, by their wire names. */
public final class Providers {

  public static final List<String> ALL =
      List.of("copilot", "cursor", "windsurf", "openai", "anthropic");

  private Providers() {}

  /** The known provider named, ignoring case, or an error listing the known ones. */
  public static String require(String name) {
    String normalized = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
    if (!ALL.contains(normalized)) {
      throw new IllegalArgumentException(
          "unknown provider '" + name + "'; known: " + String.join(", ", ALL));
    }
    return normalized;
  }
}
