package dev.atomic.gateway.bench;

import dev.atomic.gateway.RedactionConfig;
import dev.atomic.gateway.RedactionEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times one scan of the largest input the engine takes by default (1 MiB of characters): the
 * development content of a corpus joined, then inputs that repeat what starts a detector with
 * nothing that completes it, the shapes that make a backtracking matcher blow up. Wall time per
 * scan, best and median of several, after warm-up.
 */
public final class LargeInputBench {

  /** Text that starts a detector and never completes it, one unit per family of detector. */
  public static final List<String> ADVERSARIAL_UNITS =
      List.of(
          "sk-",
          "-----BEGIN RSA PRIVATE KEY-----\n",
          "a://b@c:",
          "a@",
          "ab12:",
          "1234 ",
          "api_key=",
          "mysql ",
          "eyJ",
          "Bearer ",
          "+4",
          "DE89 ",
          "xoxb-1234567-",
          "https://hooks.slack.com/");

  /** One measured input. */
  public record Timing(String input, int chars, double bestMs, double medianMs) {}

  private final RedactionEngine engine = new RedactionEngine();

  /** The corpus texts joined (one per line) and cut to the engine's limit. */
  public static String corpusText(Path corpus) throws IOException {
    List<CorpusBench.Line> lines = CorpusBench.load(corpus);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("the corpus has no lines");
    }
    StringBuilder text = new StringBuilder(RedactionConfig.DEFAULT_MAX_INPUT_CHARS + 1024);
    for (int i = 0; text.length() < RedactionConfig.DEFAULT_MAX_INPUT_CHARS; i++) {
      text.append(lines.get(i % lines.size()).text()).append('\n');
    }
    return text.substring(0, RedactionConfig.DEFAULT_MAX_INPUT_CHARS);
  }

  /** {@code unit} repeated to the engine's limit. */
  public static String repeated(String unit) {
    return unit.repeat(RedactionConfig.DEFAULT_MAX_INPUT_CHARS / unit.length());
  }

  public List<Timing> run(Path corpus, int warmup, int runs) throws IOException {
    List<Timing> timings = new ArrayList<>();
    timings.add(time("corpus text", corpusText(corpus), warmup, runs));
    for (String unit : ADVERSARIAL_UNITS) {
      timings.add(time(unit.strip(), repeated(unit), Math.min(warmup, 3), runs));
    }
    return timings;
  }

  private Timing time(String name, String text, int warmup, int runs) {
    for (int i = 0; i < warmup; i++) {
      engine.scan(text);
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      engine.scan(text);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return new Timing(name, text.length(), ms[0], ms[runs / 2]);
  }

  public static void print(List<Timing> timings, PrintStream out) {
    out.printf("one scan of 1 MiB of characters (best / median ms):%n");
    for (Timing t : timings) {
      out.printf("  %-36s %8.1f %8.1f%n", t.input(), t.bestMs(), t.medianMs());
    }
  }
}
