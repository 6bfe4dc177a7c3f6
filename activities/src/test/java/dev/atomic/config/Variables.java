package dev.atomic.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings a process would bind from its YAML files when its environment holds exactly the
 * given variables: the documented names resolve through the files' placeholders as they do at
 * start-up, without starting anything (the machine's own environment is left out).
 */
public final class Variables {

  private Variables() {}

  /** {@code atomic-common.yml} and {@code resources}, resolved with {@code variables}. */
  public static Binder binder(Map<String, String> variables, String... resources) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("variables", Map.copyOf(variables)));
    YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
    for (String resource : concat("atomic-common.yml", resources)) {
      try {
        for (PropertySource<?> source : loader.load(resource, new ClassPathResource(resource))) {
          environment.getPropertySources().addLast(source);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Binder.get(environment);
  }

  /** The value of one property, e.g. {@code logging.level.root}, with {@code variables} set. */
  public static String property(String name, Map<String, String> variables, String... resources) {
    return binder(variables, resources).bind(name, String.class).orElse(null);
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
