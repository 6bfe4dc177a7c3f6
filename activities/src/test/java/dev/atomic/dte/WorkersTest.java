package dev.atomic.dte;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkersTest {

  private final int configured = Workers.count;

  @AfterEach
  void restore() {
    Workers.count = configured;
  }

  @Test
  void theOutputDoesNotDependOnTheNumberOfWorkers(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);

    Workers.count = 1;
    DtePreview one = DteEngine.preview(DemoRepo.cs001(), repo);
    Workers.count = 4;
    DtePreview four = DteEngine.preview(DemoRepo.cs001(), repo);

    assertThat(four).isEqualTo(one);
    assertThat(four.patches()).isSorted();
  }
}
