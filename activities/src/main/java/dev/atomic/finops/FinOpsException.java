package dev.atomic.finops;

import java.util.List;

/**
 * A FinOps request that cannot be served, with every reason. The kind decides the answer: {@link
 * Kind#INVALID} and {@link Kind#UNKNOWN_MODEL} 400, {@link Kind#INVALID_SPEC} 422, {@link
 * Kind#NOT_FOUND} 404, {@link Kind#CONFLICT} 409.
 */
public class FinOpsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why FinOps said no. */
  public enum Kind {
    INVALID,
    UNKNOWN_MODEL,
    INVALID_SPEC,
    NOT_FOUND,
    CONFLICT
  }

  private final Kind kind;
  private final List<String> reasons;

  public FinOpsException(Kind kind, List<String> reasons) {
    super(String.join("; ", reasons));
    this.kind = kind;
    this.reasons = List.copyOf(reasons);
  }

  public static FinOpsException invalid(String reason) {
    return new FinOpsException(Kind.INVALID, List.of(reason));
  }

  public static FinOpsException notFound(String reason) {
    return new FinOpsException(Kind.NOT_FOUND, List.of(reason));
  }

  public static FinOpsException conflict(String reason) {
    return new FinOpsException(Kind.CONFLICT, List.of(reason));
  }

  public Kind kind() {
    return kind;
  }

  public List<String> reasons() {
    return reasons;
  }
}
