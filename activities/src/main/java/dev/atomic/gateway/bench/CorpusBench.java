package dev.atomic.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.gateway.Redaction;
import dev.atomic.gateway.RedactionEngine;
import dev.atomic.gateway.RedactionResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures a {@link RedactionEngine} on a labelled corpus (JSON lines of {@code {"text", "spans":
 * [{start, end, kind, type}]}}): one {@code scan} call per line on one thread, scored with {@link
 * CorpusScore}. Throughput counts the UTF-8 bytes of the texts and only the time spent in {@code
 * scan} (parsing the corpus is not timed); MB is 10^6 bytes.
 */
public final class CorpusBench {

  /** One corpus line. */
  public record Line(String text, List<CorpusScore.Span> gold) {}

  /**
   * The outcome of {@code runs} timed passes over the corpus; scores come from the last pass (every
   * pass gives the same predictions). {@code seconds} is wall time per pass, {@code cpuSeconds} the
   * scanning thread's CPU time per pass (the same as wall time on an idle core; less when other
   * processes take the core away), or empty where the JVM cannot tell.
   */
  public record Report(
      int lines, long bytes, double[] seconds, double[] cpuSeconds, CorpusScore score) {
    public double bestSeconds() {
      return Arrays.stream(seconds).min().orElse(0);
    }

    public double medianSeconds() {
      return median(seconds);
    }

    public double medianCpuSeconds() {
      return median(cpuSeconds);
    }

    public double medianCpuMbPerSecond() {
      return bytes / 1e6 / medianCpuSeconds();
    }

    private static double median(double[] values) {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }

    public double bestMbPerSecond() {
      return bytes / 1e6 / bestSeconds();
    }

    public double medianMbPerSecond() {
      return bytes / 1e6 / medianSeconds();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RedactionEngine engine;

  public CorpusBench(RedactionEngine engine) {
    this.engine = engine;
  }

  public static List<Line> load(Path corpus) throws IOException {
    List<Line> lines = new ArrayList<>();
    for (String raw : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
      if (raw.isBlank()) {
        continue;
      }
      JsonNode node = JSON.readTree(raw);
      List<CorpusScore.Span> gold = new ArrayList<>();
      for (JsonNode s : node.path("spans")) {
        gold.add(
            new CorpusScore.Span(
                s.get("start").asInt(),
                s.get("end").asInt(),
                s.get("kind").asText(),
                s.path("type").asText("")));
      }
      lines.add(new Line(node.get("text").asText(), gold));
    }
    return lines;
  }

  /**
   * Runs the corpus {@code warmups} times untimed (so the JIT has compiled the engine), then {@code
   * runs} times timed (at least once), and scores the last pass.
   *
   * @param predictions where to write one {@code {"spans": […]}} line per input line, or null
   */
  public Report run(Path corpus, int warmups, int runs, Path predictions) throws IOException {
    List<Line> lines = load(corpus);
    for (int w = 0; w < warmups; w++) {
      for (Line line : lines) {
        engine.scan(line.text());
      }
    }
    long bytes =
        lines.stream().mapToLong(l -> l.text().getBytes(StandardCharsets.UTF_8).length).sum();
    double[] seconds = new double[Math.max(1, runs)];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpu = threads.isCurrentThreadCpuTimeSupported();
    double[] cpuSeconds = new double[cpu ? seconds.length : 0];
    List<RedactionResult> results = new ArrayList<>(lines.size());
    for (int r = 0; r < seconds.length; r++) {
      results.clear();
      long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
      long t0 = System.nanoTime();
      for (Line line : lines) {
        results.add(engine.scan(line.text()));
      }
      seconds[r] = (System.nanoTime() - t0) / 1e9;
      if (cpu) {
        cpuSeconds[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
      }
    }
    CorpusScore score = new CorpusScore();
    for (int i = 0; i < lines.size(); i++) {
      score.add(lines.get(i).gold(), spans(results.get(i)));
    }
    if (predictions != null) {
      writePredictions(predictions, results);
    }
    return new Report(lines.size(), bytes, seconds, cpuSeconds, score);
  }

  static List<CorpusScore.Span> spans(RedactionResult result) {
    return result.redactions().stream()
        .map(r -> new CorpusScore.Span(r.start(), r.end(), r.kind().wireName(), r.rule()))
        .toList();
  }

  private static void writePredictions(Path out, List<RedactionResult> results) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (RedactionResult result : results) {
        ObjectNode line = JSON.createObjectNode();
        ArrayNode spans = line.putArray("spans");
        for (Redaction r : result.redactions()) {
          spans
              .addObject()
              .put("start", r.start())
              .put("end", r.end())
              .put("kind", r.kind().wireName())
              .put("type", r.rule());
        }
        w.write(JSON.writeValueAsString(line));
        w.newLine();
      }
    }
  }

  /** Prints the report as a table. */
  public static void print(Report report, PrintStream out) {
    out.printf(
        "%d lines, %.2f MB; scan time best %.1f ms (%.1f MB/s), median %.1f ms (%.1f MB/s) over %d runs%n",
        report.lines(),
        report.bytes() / 1e6,
        report.bestSeconds() * 1e3,
        report.bestMbPerSecond(),
        report.medianSeconds() * 1e3,
        report.medianMbPerSecond(),
        report.seconds().length);
    if (report.cpuSeconds().length > 0) {
      out.printf(
          "thread CPU time median %.1f ms (%.1f MB/s)%n",
          report.medianCpuSeconds() * 1e3, report.medianCpuMbPerSecond());
    }
    out.printf(
        "%n%-8s %9s %9s %9s %10s %8s%n", "kind", "precision", "recall", "f1", "predicted", "gold");
    for (Map.Entry<String, CorpusScore.KindCounts> e : report.score().byKind().entrySet()) {
      CorpusScore.KindCounts k = e.getValue();
      out.printf(
          "%-8s %9.4f %9.4f %9.4f %10d %8d%n",
          e.getKey(), k.precision(), k.recall(), k.f1(), k.predicted(), k.gold());
    }
    out.printf("%n%-20s %8s %8s %8s%n", "gold type", "recall", "found", "gold");
    for (Map.Entry<String, CorpusScore.TypeCounts> e : report.score().byGoldType().entrySet()) {
      CorpusScore.TypeCounts t = e.getValue();
      out.printf("%-20s %8.4f %8d %8d%n", e.getKey(), t.recall(), t.found(), t.gold());
    }
  }

  /**
   * {@code CorpusBench <corpus.jsonl> [--warmup N] [--runs N] [--predictions out.jsonl]} with the
   * default engine configuration; 200 warm-up passes (the JIT needs them on two cores) and 10 timed
   * passes unless told otherwise.
   */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println(
          "usage: CorpusBench <corpus.jsonl> [--warmup N] [--runs N] [--predictions out.jsonl]");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    int warmups = 200;
    int runs = 10;
    Path predictions = null;
    for (int i = 1; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--warmup" -> warmups = Integer.parseInt(args[i + 1]);
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--predictions" -> predictions = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    print(
        new CorpusBench(new RedactionEngine()).run(corpus, warmups, runs, predictions), System.out);
  }
}
