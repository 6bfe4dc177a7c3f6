package dev.atomic.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.atomic.gateway.logs.LogRedaction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Every log line the process writes while open, as the platform's appenders write it: through the
 * redacting encoder ({@link LogRedaction#install}).
 */
final class LogCapture implements AutoCloseable {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();

  LogCapture() {
    this("%level %logger %msg%n%ex");
  }

  /** Lines in a Logback pattern of the test's choice, e.g. with {@code %X{correlationId}}. */
  LogCapture(String pattern) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    appender.setName("it-capture");
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(captured);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    LogRedaction.install();
  }

  /** What was logged so far. */
  String text() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    appender.stop();
  }
}
