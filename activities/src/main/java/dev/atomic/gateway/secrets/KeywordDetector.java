package dev.atomic.gateway.secrets;

import dev.atomic.gateway.Candidate;
import java.util.List;
import java.util.function.Consumer;

/**
 * A hand-written secret detector started by the keyword prefilter, for formats a parser reads
 * faster and more exactly than a regex (assignments, PEM blocks, URL user info).
 */
interface KeywordDetector {

  /** Lower-case keywords; {@link #at} runs at each occurrence. */
  List<String> keywords();

  /** Every rule type this detector reports. */
  List<String> types();

  /**
   * Reads the text around the keyword at {@code hit} and reports what it finds.
   *
   * @return the position up to which the text has been read: later occurrences before it are
   *     skipped, so one construct is never reported twice
   */
  int at(String text, int hit, Consumer<Candidate> out);
}
