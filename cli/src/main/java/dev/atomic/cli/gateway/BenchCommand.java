package dev.atomic.cli.gateway;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.gateway.RedactionEngine;
import dev.atomic.gateway.bench.CorpusBench;
import dev.atomic.gateway.bench.LargeInputBench;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Score the redaction engine on a labelled corpus (JSON lines of {text, spans}): precision, recall"
          + " and F1 per kind, recall per type, and throughput on one thread (one call per line).",
      "Runs in this process with the built-in rules; no server needed."
    })
class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--corpus", required = true, description = "The corpus file.")
  Path corpus;

  @Option(
      names = "--predictions",
      description = "Write one JSON line of predicted spans per corpus line here.")
  Path predictions;

  @Option(
      names = "--runs",
      defaultValue = "20",
      description = "Timed passes; the best and median are reported (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--warmup",
      defaultValue = "200",
      description =
          "Untimed passes first, so the JIT has compiled the engine (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--secrets-only",
      description =
          "Run the secret rules only (for a corpus that labels secrets and not personal data).")
  boolean secretsOnly;

  @Option(
      names = "--large",
      description =
          "Also time single 1 MiB scans: the corpus text joined, and inputs built to make a"
              + " matcher backtrack.")
  boolean large;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(corpus)) {
      throw new CliException(ExitCodes.USAGE, "no such corpus file: " + corpus);
    }
    if (runs < 1 || warmup < 0) {
      throw new CliException(ExitCodes.USAGE, "--runs must be at least 1 and --warmup at least 0");
    }
    spec.commandLine()
        .getErr()
        .println(
            "Scanning " + corpus + ": " + warmup + " warm-up and " + runs + " timed pass(es)…");
    spec.commandLine().getErr().flush();
    CorpusBench.Report report;
    try {
      RedactionEngine engine =
          secretsOnly
              ? new RedactionEngine(dev.atomic.gateway.RedactionConfig.builder().pii(false).build())
              : new RedactionEngine();
      report = new CorpusBench(engine).run(corpus, warmup, runs, predictions);
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILED, "cannot read or write: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new CliException(
          ExitCodes.USAGE, "the corpus is not in the expected format: " + e.getMessage());
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    CorpusBench.print(report, new PrintStream(buffer, true, StandardCharsets.UTF_8));
    spec.commandLine().getOut().print(buffer.toString(StandardCharsets.UTF_8));
    if (predictions != null) {
      spec.commandLine().getOut().println("predictions written to " + predictions);
    }
    if (large) {
      spec.commandLine().getErr().println("Timing 1 MiB scans…");
      spec.commandLine().getErr().flush();
      ByteArrayOutputStream timings = new ByteArrayOutputStream();
      try {
        LargeInputBench.print(
            new LargeInputBench().run(corpus, Math.min(warmup, 10), Math.max(3, Math.min(runs, 9))),
            new PrintStream(timings, true, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new CliException(ExitCodes.FAILED, "cannot read: " + e.getMessage());
      }
      spec.commandLine().getOut().print(timings.toString(StandardCharsets.UTF_8));
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
