package dev.atomic.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * One JSON object per log line ({@code LOG_FORMAT=json}), with the fields the runbook filters on:
 * {@code level} in lower case ({@code jq 'select(.level=="error")'}), {@code service}, and where
 * known {@code missionId}, {@code workflowId}, {@code activityType} and {@code correlationId} from
 * the logging context (the REST facade's access filter, Temporal's workflow and activity threads).
 */
public final class AtomicLogFormat implements StructuredLogFormatter<ILoggingEvent> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String service;

  public AtomicLogFormat(Environment environment) {
    this.service = environment.getProperty("spring.application.name", "atomic");
  }

  @Override
  public String format(ILoggingEvent event) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("@timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
    line.put("level", event.getLevel().toString().toLowerCase(Locale.ROOT));
    line.put("service", service);
    line.put("logger", event.getLoggerName());
    line.put("thread", event.getThreadName());
    line.put("message", event.getFormattedMessage());
    Map<String, String> mdc = event.getMDCPropertyMap();
    String workflowId = first(mdc, "workflowId", "WorkflowId");
    String missionId = first(mdc, "missionId");
    if (missionId == null && workflowId != null && workflowId.startsWith("M-")) {
      missionId = workflowId;
    }
    put(line, "missionId", missionId);
    put(line, "workflowId", workflowId);
    put(line, "activityType", first(mdc, "activityType", "ActivityType"));
    put(line, "correlationId", first(mdc, "correlationId"));
    if (event.getThrowableProxy() != null) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("type", event.getThrowableProxy().getClassName());
      error.put("message", event.getThrowableProxy().getMessage());
      error.put("stack", ThrowableProxyUtil.asString(event.getThrowableProxy()));
      line.put("error", error);
    }
    try {
      return JSON.writeValueAsString(line) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return "{\"level\":\"error\",\"message\":\"unloggable event\"}\n";
    }
  }

  private static String first(Map<String, String> mdc, String... keys) {
    for (String key : keys) {
      String value = mdc.get(key);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static void put(Map<String, Object> line, String key, String value) {
    if (value != null) {
      line.put(key, value);
    }
  }
}
