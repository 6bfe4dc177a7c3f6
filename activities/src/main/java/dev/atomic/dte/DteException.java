package dev.atomic.dte;

import java.util.List;

/**
 * A ChangeSpec the engine will not apply, with every reason. {@link Kind#INVALID} and {@link
 * Kind#UNSUPPORTED} are the caller's to fix (HTTP 422, CLI exit 2); {@link Kind#REFUSED} means
 * applying it would be unsafe for this tree (HTTP 409, CLI exit 1).
 */
public class DteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the engine said no. */
  public enum Kind {
    INVALID,
    UNSUPPORTED,
    REFUSED
  }

  private final Kind kind;
  private final List<String> reasons;

  public DteException(Kind kind, List<String> reasons) {
    super(String.join("; ", reasons));
    this.kind = kind;
    this.reasons = List.copyOf(reasons);
  }

  public static DteException invalid(String reason) {
    return new DteException(Kind.INVALID, List.of(reason));
  }

  public static DteException unsupported(String reason) {
    return new DteException(Kind.UNSUPPORTED, List.of(reason));
  }

  public static DteException refused(List<String> reasons) {
    return new DteException(Kind.REFUSED, reasons);
  }

  public Kind kind() {
    return kind;
  }

  public List<String> reasons() {
    return reasons;
  }
}
