package dev.atomic.dte;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCacheTest {

  private static final DteSettings SETTINGS = DteSettings.fromEnvironment();

  @Test
  void anUnchangedTreeIsParsedOnceWhenTheCacheIsOn(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);
    DteEngine engine = new DteEngine(SETTINGS.withParseCache(true));
    List<String> firstRun = new ArrayList<>();
    List<String> secondRun = new ArrayList<>();

    DtePreview first = engine.preview(DemoRepo.cs001(), repo, firstRun::add);
    DtePreview second = engine.preview(DemoRepo.cs001(), repo, secondRun::add);

    assertThat(second).isEqualTo(first);
    assertThat(firstRun).anyMatch(p -> p.startsWith("parsed "));
    assertThat(secondRun).noneMatch(p -> p.startsWith("parsed "));
    assertThat(secondRun)
        .anyMatch(p -> p.startsWith("reused the parse of 8 unchanged Java file(s)"));
  }

  @Test
  void offByDefaultEveryRunParses(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);
    List<String> progress = new ArrayList<>();
    DteEngine engine = new DteEngine(SETTINGS.withParseCache(false));

    engine.preview(DemoRepo.cs001(), repo, progress::add);
    engine.preview(DemoRepo.cs001(), repo, progress::add);

    assertThat(progress).filteredOn(p -> p.startsWith("parsed ")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(progress).noneMatch(p -> p.startsWith("reused"));
  }
}
