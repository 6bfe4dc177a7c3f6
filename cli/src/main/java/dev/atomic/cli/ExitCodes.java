package dev.atomic.cli;

/** Exit codes of every {@code atomic} command. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int NOT_FOUND = 3;
  public static final int CONFLICT = 4;
  public static final int DENIED = 5;

  private ExitCodes() {}
}
