package dev.atomic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardsTest {

  private static final Path DOCS = Chart.ROOT.resolve("docs/grafana");

  private static List<Path> json(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void aDashboardFileBecomesAConfigMapGrafanasSidecarLoadsUnchanged(@TempDir Path temp)
      throws IOException {
    Path chart = Chart.copy(temp);
    String dashboard =
        "{\n  \"title\": \"Atomic test\",\n  \"panels\": [{\"type\": \"timeseries\", \"targets\": []}]\n}\n";
    Files.createDirectories(chart.resolve("dashboards"));
    Files.writeString(chart.resolve("dashboards/atomic-test.json"), dashboard);

    ConfigMap map =
        Chart.template(chart, List.of(), Map.of())
            .one(ConfigMap.class, "atomic-dashboard-atomic-test");

    assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(map.getData()).containsOnlyKeys("atomic-test.json");
    assertThat(map.getData().get("atomic-test.json")).isEqualTo(dashboard.stripTrailing());
  }

  @Test
  void everyDashboardOfTheChartIsRendered() throws IOException {
    Rendered rendered = Chart.defaults();
    List<Path> dashboards = json(Chart.DIRECTORY.resolve("dashboards"));
    assertThat(dashboards).as("the chart's dashboards").isNotEmpty();
    for (Path file : dashboards) {
      String name = file.getFileName().toString();
      ConfigMap map =
          rendered.one(
              ConfigMap.class, "atomic-dashboard-" + name.replace(".json", "").toLowerCase());
      assertThat(map.getData().get(name)).isEqualTo(Files.readString(file).stripTrailing());
    }
  }

  @Test
  void theChartShipsTheDashboardsOfTheDocsByteForByte() throws IOException {
    List<Path> documentedDashboards = json(DOCS);
    assertThat(documentedDashboards).as("docs/grafana").isNotEmpty();
    for (Path documented : documentedDashboards) {
      Path shipped = Chart.DIRECTORY.resolve("dashboards").resolve(documented.getFileName());
      assertThat(shipped).as("chart copy of %s", documented).exists();
      assertThat(Files.readAllBytes(shipped)).isEqualTo(Files.readAllBytes(documented));
    }
  }
}
