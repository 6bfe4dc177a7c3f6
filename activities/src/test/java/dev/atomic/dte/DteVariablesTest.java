package dev.atomic.dte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DTE variables of docs/configuration.md, as a worker reads them ({@link DteSettings#from}),
 * change how its engine runs.
 */
class DteVariablesTest {

  private static DteEngine engine(Map<String, String> variables) {
    return new DteEngine(DteSettings.from(variables::get));
  }

  @Test
  void dteWorkersIsTheNumberOfThreadsThePerFileWorkRunsOn() {
    Workers three = engine(Map.of("DTE_WORKERS", "3")).workers();
    Workers one = engine(Map.of("DTE_WORKERS", "1")).workers();
    Set<Thread> threeThreads = ConcurrentHashMap.newKeySet();
    Set<Thread> oneThread = ConcurrentHashMap.newKeySet();
    List<Integer> items = IntStream.range(0, 64).boxed().toList();

    List<Integer> outThree = three.map(items, i -> record(threeThreads, i));
    List<Integer> outOne = one.map(items, i -> record(oneThread, i));

    assertThat(three.threads()).isEqualTo(3);
    assertThat(threeThreads).hasSizeBetween(1, 3).doesNotContain(Thread.currentThread());
    assertThat(oneThread).containsExactly(Thread.currentThread());
    assertThat(outThree).isEqualTo(outOne).isEqualTo(items);
    assertThat(engine(Map.of()).workers().threads())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThatThrownBy(() -> engine(Map.of("DTE_WORKERS", "many")))
        .hasMessage("DTE_WORKERS must be a whole number, got 'many'");
  }

  private static Integer record(Set<Thread> threads, Integer item) {
    threads.add(Thread.currentThread());
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return item;
  }

  @Test
  void dteCacheEnabledReusesTheParseOfAnUnchangedTree(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);
    DteEngine cached = engine(Map.of("DTE_CACHE_ENABLED", "true"));
    DteEngine byDefault = engine(Map.of());
    cached.preview(DemoRepo.cs001(), repo);
    byDefault.preview(DemoRepo.cs001(), repo);
    List<String> cachedAgain = new ArrayList<>();
    List<String> defaultAgain = new ArrayList<>();

    cached.preview(DemoRepo.cs001(), repo, cachedAgain::add);
    byDefault.preview(DemoRepo.cs001(), repo, defaultAgain::add);

    assertThat(cachedAgain).noneMatch(p -> p.startsWith("parsed "));
    assertThat(cachedAgain).anyMatch(p -> p.startsWith("reused the parse of"));
    assertThat(defaultAgain).anyMatch(p -> p.startsWith("parsed "));
    assertThat(defaultAgain).noneMatch(p -> p.startsWith("reused"));
  }

  @Test
  void dteParseFullParsesEveryFileInsteadOfStubbingTheOthers(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);
    List<String> candidates = new ArrayList<>();
    List<String> full = new ArrayList<>();

    DtePreview byDefault = engine(Map.of()).preview(DemoRepo.cs001(), repo, candidates::add);
    DtePreview everyFile =
        engine(Map.of("DTE_PARSE", "full")).preview(DemoRepo.cs001(), repo, full::add);

    assertThat(everyFile.diffs()).isEqualTo(byDefault.diffs());
    assertThat(candidates).anyMatch(p -> p.contains("signature stubs"));
    assertThat(full).filteredOn(p -> p.startsWith("parsed ")).isNotEmpty();
    assertThat(full).noneMatch(p -> p.contains("signature stubs"));
    assertThatThrownBy(() -> engine(Map.of("DTE_PARSE", "some")))
        .hasMessage("DTE_PARSE must be candidates or full, got 'some'");
  }

  @Test
  void theMavenVariablesChooseTheLocalRepositoryAndTheMirror(@TempDir Path dir) {
    DteSettings settings =
        DteSettings.from(
            Map.of(
                    "ATOMIC_MAVEN_LOCAL_REPOSITORY",
                    dir.toString(),
                    "ATOMIC_MAVEN_MIRROR",
                    "https://repo.internal/maven2")
                ::get);

    assertThat(settings.maven().localRepository()).isEqualTo(dir);
    assertThat(settings.maven().mirror()).isEqualTo("https://repo.internal/maven2");
    assertThat(DteSettings.from(Map.<String, String>of()::get).maven().localRepository()).isNull();
    assertThat(DteSettings.from(Map.of("DTE_WORKERS", " ")::get).workers())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }
}
