package dev.atomic.gateway.logs;

import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;

/**
 * Wraps an appender's encoder so that every secret the redaction engine finds in an encoded log
 * event is replaced before the bytes reach the output. Works the same for pattern and structured
 * (JSON) layouts, exception traces included, because it sees the final text.
 */
final class RedactingEncoder<E> extends EncoderBase<E> {

  private final Encoder<E> delegate;

  RedactingEncoder(Encoder<E> delegate) {
    this.delegate = delegate;
  }

  Encoder<E> delegate() {
    return delegate;
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(E event) {
    byte[] encoded = delegate.encode(event);
    if (encoded == null || encoded.length == 0) {
      return encoded;
    }
    String text = new String(encoded, StandardCharsets.UTF_8);
    String redacted = LogRedaction.redact(text);
    return redacted == text ? encoded : redacted.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }

  @Override
  public void start() {
    if (!delegate.isStarted()) {
      delegate.start();
    }
    super.start();
  }
}
