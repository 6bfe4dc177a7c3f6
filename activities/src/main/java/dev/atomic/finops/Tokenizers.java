package dev.atomic.finops;

import java.util.List;

/** Names of the token counting methods a price table entry can ask for. */
public final class Tokenizers {
  public static final String O200K = "o200k_base";
  public static final String CL100K = "cl100k_base";

  /** cl100k_base counts times the model's estimate factor; always labelled an estimate. */
  public static final String ESTIMATE = "estimate";

  public static final List<String> NAMES = List.of(O200K, CL100K, ESTIMATE);

  private Tokenizers() {}
}
