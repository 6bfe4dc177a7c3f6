package dev.atomic.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Client commands print only their own output; library chatter (gRPC, Temporal) goes to WARN.
 *
 * <p>Logback runs this when the first logger is asked for, not at start: a REST command that logs
 * nothing never pays for setting up logging (about 0.15 s here). Logback's own configuration (a
 * {@code logback.xml}, else its console appender) follows as before. {@code atomic dev} and {@code
 * atomic worker} start Spring Boot, which sets up logging anew.
 */
public final class QuietLibraries extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    return ExecutionStatus.NEUTRAL;
  }
}
