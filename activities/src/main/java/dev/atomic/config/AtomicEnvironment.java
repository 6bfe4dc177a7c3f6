package dev.atomic.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps the original system's environment variables onto Spring properties, so the same {@code .env}
 * works: {@code DATABASE_URL} (JDBC or {@code postgres://user:pass@host/db}) and {@code
 * LOG_FORMAT=json} (structured JSON logs on the console).
 */
public class AtomicEnvironment implements EnvironmentPostProcessor {

  static final String SOURCE = "atomicEnvironment";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> properties = new LinkedHashMap<>();
    String databaseUrl = environment.getProperty("DATABASE_URL");
    if (databaseUrl != null && !databaseUrl.isBlank()) {
      properties.putAll(datasource(databaseUrl.trim()));
    }
    String logFormat = environment.getProperty("LOG_FORMAT");
    boolean json = logFormat != null && logFormat.trim().equalsIgnoreCase("json");
    if (json) {
      properties.put("logging.structured.format.console", AtomicLogFormat.class.getName());
    }
    String logFile = environment.getProperty("LOG_FILE");
    if (logFile != null && !logFile.isBlank()) {
      // The runbook's /var/log/atomic habit: the same lines to a file as well, rotated by size.
      properties.put("logging.file.name", logFile.strip());
      if (json) {
        properties.put("logging.structured.format.file", AtomicLogFormat.class.getName());
      }
    }
    if (!properties.isEmpty()) {
      environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, properties));
    }
  }

  /**
   * Spring datasource properties for a {@code DATABASE_URL}.
   *
   * @throws IllegalArgumentException for a URL that is neither JDBC nor PostgreSQL
   */
  public static Map<String, Object> datasource(String databaseUrl) {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (databaseUrl.startsWith("jdbc:")) {
      properties.put("spring.datasource.url", databaseUrl);
      return properties;
    }
    URI uri = URI.create(databaseUrl);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
      throw new IllegalArgumentException(
          "DATABASE_URL must be a jdbc: URL or postgres://user:password@host:port/database");
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() > 0) {
      jdbc.append(':').append(uri.getPort());
    }
    jdbc.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    if (uri.getRawQuery() != null) {
      jdbc.append('?').append(uri.getRawQuery());
    }
    properties.put("spring.datasource.url", jdbc.toString());
    String userInfo = uri.getUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      properties.put(
          "spring.datasource.username", colon < 0 ? userInfo : userInfo.substring(0, colon));
      if (colon >= 0) {
        properties.put("spring.datasource.password", userInfo.substring(colon + 1));
      }
    }
    return properties;
  }
}
