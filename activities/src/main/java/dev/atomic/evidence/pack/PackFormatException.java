package dev.atomic.evidence.pack;

/** An audit pack that cannot be read safely; the message says why. */
public final class PackFormatException extends Exception {

  public PackFormatException(String message) {
    super(message);
  }

  public PackFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
