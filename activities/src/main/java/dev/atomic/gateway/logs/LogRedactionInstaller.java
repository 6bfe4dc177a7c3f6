package dev.atomic.gateway.logs;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Installs {@link LogRedaction} in every Atomic process as soon as Spring Boot has configured
 * logging, and again at the later start-up stages in case logging was reconfigured.
 */
public class LogRedactionInstaller implements ApplicationListener<ApplicationEvent>, Ordered {

  /** Just after Spring Boot's logging listener (highest precedence + 20). */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 21;

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
      String markers =
          prepared.getEnvironment().getProperty("atomic.gateway.proprietary-markers", "");
      java.util.List<String> list =
          java.util.Arrays.stream(markers.split(","))
              .map(String::strip)
              .filter(m -> !m.isEmpty())
              .toList();
      if (!list.isEmpty()) {
        LogRedaction.useMarkers(list);
      }
      install();
    } else if (event instanceof ApplicationPreparedEvent
        || event instanceof ApplicationStartedEvent) {
      install();
    }
  }

  private static void install() {
    try {
      LogRedaction.install();
    } catch (NoClassDefFoundError noLogback) {
      // a process without Logback has no appenders of ours to protect
    }
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
