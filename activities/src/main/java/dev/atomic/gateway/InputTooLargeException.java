package dev.atomic.gateway;

/** The text to scan is longer than the engine's configured maximum; nothing was scanned. */
public final class InputTooLargeException extends RuntimeException {

  private final int length;
  private final int limit;

  InputTooLargeException(int length, int limit) {
    super("content is " + length + " characters, more than the maximum of " + limit);
    this.length = length;
    this.limit = limit;
  }

  public int length() {
    return length;
  }

  public int limit() {
    return limit;
  }
}
