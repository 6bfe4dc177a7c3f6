package dev.atomic.finops;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.platform.Database;
import dev.atomic.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Forecast latency on a generated 2,000-file Java tree: the first forecast reads and counts every
 * file, the following ones find the counts by path, size and modification time. Not a test (its
 * name keeps it out of Surefire); run it with {@code bench/finops-forecast.sh}.
 *
 * <pre>java … dev.atomic.finops.ForecastBenchmark [files] [runs] [dir]</pre>
 */
public final class ForecastBenchmark {

  private ForecastBenchmark() {}

  public static void main(String[] args) throws Exception {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Path tree = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("finops-bench");
    long bytes = generate(tree, files);
    ChangeSpec spec =
        new ChangeSpec(
            "CS-100",
            "Rename Limits to Bounds",
            List.of("src/**/*.java"),
            "java",
            null,
            List.of(
                new ChangeSpec.Patch(
                    null,
                    "renameSymbol",
                    "Identifier[name='Limits']",
                    Map.of("newName", "Bounds"))),
            null,
            null,
            null,
            null);
    try (TestDatabase database = TestDatabase.h2()) {
      ModelPolicies catalog =
          new ModelPolicies(
              new Database(database.dataSource()), PriceTable.shipped(), Clock.systemUTC());
      Forecaster forecaster =
          new Forecaster(catalog, new TokenCounter(), FinOpsSettings.defaults());
      for (String model : List.of("gpt-4.1", "gpt-4-turbo")) {
        String provider = "openai";
        long start = System.nanoTime();
        Forecast first = forecaster.forecast(spec, tree, provider, model, null);
        double firstMs = (System.nanoTime() - start) / 1e6;
        double[] warm = new double[runs];
        for (int i = 0; i < runs; i++) {
          long t = System.nanoTime();
          forecaster.forecast(spec, tree, provider, model, null);
          warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf(
            "%s/%s (%s): %d files, %.1f MiB, %,d input tokens, %s USD%n",
            provider,
            model,
            first.tokenizer(),
            first.files(),
            bytes / 1048576.0,
            first.tokens(),
            first.usdEstimate().toPlainString());
        System.out.printf("  first forecast (reads and counts every file): %.0f ms%n", firstMs);
        System.out.printf(
            "  next %d forecasts: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
            runs, warm[runs / 2], warm[(int) Math.ceil(runs * 0.95) - 1], warm[runs - 1]);
      }
    }
  }

  /** Classes of 40 to 400 lines in 100 packages, the same for every run (fixed seed). */
  private static long generate(Path tree, int files) throws IOException {
    Random random = new Random(42);
    long bytes = 0;
    for (int i = 0; i < files; i++) {
      String pkg = "gen.p" + (i % 100);
      Path file = tree.resolve("src/main/java/" + pkg.replace('.', '/') + "/C" + i + ".java");
      Files.createDirectories(file.getParent());
      StringBuilder source =
          new StringBuilder(
              "package " + pkg + ";\n\nimport gen.Limits;\n\n/** Generated class " + i + ". */\n");
      source.append("public final class C").append(i).append(" {\n");
      int methods = 2 + random.nextInt(30);
      for (int m = 0; m < methods; m++) {
        source
            .append("  /** Clamps the ")
            .append(m)
            .append("th value of a sample, counting the calls. */\n");
        source.append("  public static int value").append(m).append("(int input, int count) {\n");
        source
            .append("    int result = Limits.clamp(input * ")
            .append(random.nextInt(97))
            .append(", 0, ")
            .append(100 + random.nextInt(900))
            .append(");\n");
        source
            .append("    if (count > ")
            .append(random.nextInt(10))
            .append(") {\n      return result + count;\n    }\n");
        source.append("    return result;\n  }\n\n");
      }
      source.append("}\n");
      Files.writeString(file, source);
      bytes += source.length();
    }
    return bytes;
  }
}
