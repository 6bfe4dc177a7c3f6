package dev.atomic.dte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkersTest {

  @Test
  void theOutputDoesNotDependOnTheNumberOfWorkers(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);
    DteSettings settings = DteSettings.fromEnvironment();

    DtePreview one = new DteEngine(settings.withWorkers(1)).preview(DemoRepo.cs001(), repo);
    DtePreview four = new DteEngine(settings.withWorkers(4)).preview(DemoRepo.cs001(), repo);

    assertThat(four).isEqualTo(one);
    assertThat(four.patches()).isSorted();
  }

  @Test
  void aThreadCountBelowOneIsRefused() {
    assertThatThrownBy(() -> new Workers(0)).hasMessageContaining("DTE_WORKERS must be at least 1");
  }
}
