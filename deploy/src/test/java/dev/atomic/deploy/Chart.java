package dev.atomic.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chart under helm/atomic, rendered by real Helm (helm-java) as an install would. */
final class Chart {

  /** The repository root: tests run in the deploy module's directory. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static final Path DIRECTORY = ROOT.resolve("helm/atomic");

  static final Path PRODUCTION_VALUES = DIRECTORY.resolve("ci/production-values.yaml");

  static final String RELEASE = "atomic";

  static final String NAMESPACE = "migrations";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Chart() {}

  /** {@code helm template} of {@code chart} with these values files and --set values. */
  static Rendered template(Path chart, List<Path> valuesFiles, Map<String, Object> set) {
    TemplateCommand command = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
    valuesFiles.forEach(command::withValuesFile);
    set.forEach(command::set);
    return new Rendered(parse(command.call()));
  }

  static Rendered template(List<Path> valuesFiles, Map<String, Object> set) {
    return template(withHooksRendered(), valuesFiles, set);
  }

  /**
   * Helm's template command (as helm-java runs it) leaves hooks out, so the chart is rendered from
   * a copy whose hook annotation is renamed to {@link #HOOK}: the hook Job and its Secret then
   * render as plain objects, otherwise exactly as Helm renders them.
   */
  static final String HOOK = "test.atomic.dev/hook";

  private static Path hooksRendered;

  static synchronized Path withHooksRendered() {
    if (hooksRendered == null) {
      try {
        hooksRendered = copy(Files.createTempDirectory("atomic-chart"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return hooksRendered;
  }

  /** A copy of the chart under {@code directory}, its hooks renamed as above. */
  static Path copy(Path directory) {
    Path target = directory.resolve("atomic");
    try (java.util.stream.Stream<Path> files = Files.walk(DIRECTORY)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(DIRECTORY.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else if (file.startsWith(DIRECTORY.resolve("templates"))) {
          Files.writeString(to, Files.readString(file).replace("helm.sh/hook:", HOOK + ":"));
        } else {
          Files.copy(file, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  static Rendered defaults() {
    return template(List.of(), Map.of());
  }

  static Rendered production() {
    return template(List.of(PRODUCTION_VALUES), Map.of());
  }

  /** Values written to a temporary file, as an operator's values file. */
  static Path valuesFile(Path directory, String yaml) {
    try {
      return Files.writeString(Files.createTempFile(directory, "values", ".yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> parse(String manifests) {
    List<JsonNode> documents = new ArrayList<>();
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(manifests)) {
      for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          documents.add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("helm rendered YAML that does not parse", e);
    }
    return documents;
  }
}
