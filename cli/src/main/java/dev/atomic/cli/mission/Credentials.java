package dev.atomic.cli.mission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The API key the CLI sends: {@code ATOMIC_API_KEY}, else the key {@code atomic dev --auth} wrote
 * to {@code $ATOMIC_HOME/api-key} ({@code .atomic/api-key} by default), else none (the loopback
 * default needs none).
 */
public final class Credentials {

  private Credentials() {}

  public static String apiKey() {
    String fromEnvironment = System.getenv("ATOMIC_API_KEY");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    String home = System.getenv("ATOMIC_HOME");
    Path file = Path.of(home == null || home.isBlank() ? ".atomic" : home, "api-key");
    try {
      if (Files.isRegularFile(file) && Files.size(file) < 1024) {
        String key = Files.readString(file).strip();
        return key.isEmpty() ? null : key;
      }
    } catch (IOException | SecurityException e) {
      // unreadable: no key
    }
    return null;
  }
}
