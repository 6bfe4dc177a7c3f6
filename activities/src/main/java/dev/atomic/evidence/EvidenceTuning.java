package dev.atomic.evidence;

import java.util.function.UnaryOperator;

/**
 * The runbook's evidence tuning: {@code EVIDENCE_BATCH_SIZE} (how many event rows one JDBC batch
 * inserts) and {@code EVIDENCE_COMPRESSION_LEVEL} (the deflate level of audit-pack ZIPs).
 *
 * @param batchSize 1 to {@value #MAX_BATCH_SIZE} rows per batch
 * @param compressionLevel 0 (stored, no compression) to 9 (smallest)
 */
public record EvidenceTuning(int batchSize, int compressionLevel) {

  public static final String BATCH_SIZE_VARIABLE = "EVIDENCE_BATCH_SIZE";
  public static final String COMPRESSION_LEVEL_VARIABLE = "EVIDENCE_COMPRESSION_LEVEL";

  /** The Spring properties the variables reach ({@code atomic-common.yml}). */
  public static final String BATCH_SIZE_PROPERTY = "atomic.evidence.batch-size";

  public static final String COMPRESSION_LEVEL_PROPERTY = "atomic.evidence.compression-level";

  public static final int DEFAULT_BATCH_SIZE = 100;
  public static final int DEFAULT_COMPRESSION_LEVEL = 6;

  /** A bound that keeps one batch's rows comfortably in memory. */
  public static final int MAX_BATCH_SIZE = 10_000;

  public static final EvidenceTuning DEFAULTS =
      new EvidenceTuning(DEFAULT_BATCH_SIZE, DEFAULT_COMPRESSION_LEVEL);

  /**
   * @throws IllegalArgumentException naming the variable when a value is out of range
   */
  public EvidenceTuning {
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          BATCH_SIZE_VARIABLE
              + " must be a whole number from 1 to "
              + MAX_BATCH_SIZE
              + " (got "
              + batchSize
              + ")");
    }
    if (compressionLevel < 0 || compressionLevel > 9) {
      throw new IllegalArgumentException(
          COMPRESSION_LEVEL_VARIABLE
              + " must be a whole number from 0 (no compression) to 9 (smallest) (got "
              + compressionLevel
              + ")");
    }
  }

  /**
   * The settings as {@code property} gives them (a Spring environment's {@code getProperty}); unset
   * or blank values take the defaults.
   *
   * @throws IllegalArgumentException naming the variable for a value that is not a number in range
   */
  public static EvidenceTuning from(UnaryOperator<String> property) {
    return new EvidenceTuning(
        number(property.apply(BATCH_SIZE_PROPERTY), BATCH_SIZE_VARIABLE, DEFAULT_BATCH_SIZE),
        number(
            property.apply(COMPRESSION_LEVEL_PROPERTY),
            COMPRESSION_LEVEL_VARIABLE,
            DEFAULT_COMPRESSION_LEVEL));
  }

  private static int number(String value, String variable, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          variable + " must be a whole number (got '" + value.strip() + "')", e);
    }
  }
}
