package dev.atomic.gateway.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.atomic.gateway.RedactionConfig;
import dev.atomic.gateway.RedactionEngine;
import dev.atomic.gateway.RedactionResult;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * Keeps secrets out of log lines: every output appender's encoder is wrapped by a {@link
 * RedactingEncoder}. Only secrets are redacted here (personal data such as the addresses of
 * services are what operators need to read); proprietary markers follow the gateway's settings.
 */
public final class LogRedaction {

  /** Log lines are scanned in slices of this many characters. */
  private static final int SLICE = RedactionConfig.DEFAULT_MAX_INPUT_CHARS;

  private static volatile RedactionEngine engine =
      new RedactionEngine(RedactionConfig.builder().pii(false).maxInputChars(SLICE).build());

  private LogRedaction() {}

  /** Uses these proprietary markers too (from {@code PROPRIETARY_MARKERS}). */
  public static void useMarkers(java.util.List<String> markers) {
    engine =
        new RedactionEngine(
            RedactionConfig.builder()
                .pii(false)
                .proprietaryMarkers(markers)
                .maxInputChars(SLICE)
                .build());
  }

  /**
   * The text with every secret replaced by its placeholder; the same instance when there is none.
   */
  public static String redact(String text) {
    if (text.length() <= SLICE) {
      RedactionResult result = engine.scan(text);
      return result.found() ? result.sanitized() : text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean changed = false;
    for (int from = 0; from < text.length(); from += SLICE) {
      String slice = text.substring(from, Math.min(text.length(), from + SLICE));
      String redacted = redact(slice);
      changed |= redacted != slice;
      out.append(redacted);
    }
    return changed ? out.toString() : text;
  }

  /**
   * Wraps the encoder of every output appender of the current Logback context; appenders already
   * wrapped are left alone, so calling it again after logging is reconfigured is safe.
   *
   * @return how many appenders were wrapped now
   */
  public static int install() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return 0;
    }
    int wrapped = 0;
    for (Logger logger : context.getLoggerList()) {
      for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
        if (it.next() instanceof OutputStreamAppender<ILoggingEvent> output
            && output.getEncoder() != null
            && !(output.getEncoder() instanceof RedactingEncoder)) {
          RedactingEncoder<ILoggingEvent> encoder = new RedactingEncoder<>(output.getEncoder());
          encoder.setContext(context);
          encoder.start();
          output.setEncoder(encoder);
          wrapped++;
        }
      }
    }
    return wrapped;
  }
}
