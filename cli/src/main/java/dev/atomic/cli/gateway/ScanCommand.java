package dev.atomic.cli.gateway;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.gateway.CustomPattern;
import dev.atomic.gateway.DiffScan;
import dev.atomic.gateway.RedactionConfig;
import dev.atomic.gateway.RedactionEngine;
import dev.atomic.gateway.secrets.GitleaksRules;
import dev.atomic.platform.Json;
import dev.atomic.platform.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Look for secrets in files, or in standard input, in this process: no server is needed.",
      "Standard input that is a unified diff (git diff --cached | atomic gateway scan) is read"
          + " as one: only added lines are scanned, and findings name the file and line they"
          + " would land on.",
      "Exit 1 with one line per finding (rule, file, line; values masked), 0 when nothing is"
          + " found, 2 when an input cannot be read or the rules are wrong.",
    })
class ScanCommand implements Callable<Integer> {

  /** Where the rule set comes from when no --rules is given. */
  static final String RULES_VARIABLE = "GATEWAY_RULES_FILE";

  static final String DEFAULT_RULES_FILE = ".gitleaks.toml";

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "Files or directories to scan (directories recursively, .git left out).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--rules",
      paramLabel = "TOML",
      description =
          "A gitleaks-format rule set added to the built-in rules (default: $"
              + RULES_VARIABLE
              + ", else "
              + DEFAULT_RULES_FILE
              + " in the current directory when there is one).")
  Path rules;

  @Option(names = "--json", description = "Print the findings as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    RedactionEngine engine = engine();
    List<DiffScan.Finding> findings = new ArrayList<>();
    int scanned = 0;
    if (files.isEmpty()) {
      String text = utf8(System.in, "standard input");
      findings.addAll(
          (looksLikeDiff(text) ? DiffScan.of(text, engine) : DiffScan.ofText("-", text, engine))
              .findings());
      scanned = 1;
    } else {
      for (Path path : inputs()) {
        String text;
        try (InputStream in = Files.newInputStream(path)) {
          text = utf8(in, path.toString());
        } catch (CliException notText) {
          spec.commandLine().getErr().println("skipped " + path + ": not UTF-8 text");
          continue;
        }
        findings.addAll(DiffScan.ofText(path.toString(), text, engine).findings());
        scanned++;
      }
    }
    print(findings, scanned);
    return findings.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private RedactionEngine engine() {
    Path file = rules;
    if (file == null) {
      String configured = System.getenv(RULES_VARIABLE);
      if (configured != null && !configured.isBlank()) {
        file = Path.of(configured.strip());
      } else if (Files.isRegularFile(Path.of(DEFAULT_RULES_FILE))) {
        file = Path.of(DEFAULT_RULES_FILE);
      }
    }
    List<CustomPattern> custom = List.of();
    if (file != null) {
      try {
        custom = GitleaksRules.load(file);
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.USAGE, e.getMessage());
      }
    }
    return new RedactionEngine(RedactionConfig.builder().pii(false).customPatterns(custom).build());
  }

  private List<Path> inputs() throws IOException {
    List<Path> all = new ArrayList<>();
    for (Path path : files) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(
                  p -> !path.relativize(p).toString().replace('\\', '/').matches("(.*/)?\\.git/.*"))
              .sorted()
              .forEach(all::add);
        }
      } else if (Files.isRegularFile(path)) {
        all.add(path);
      } else {
        throw new CliException(ExitCodes.USAGE, "no such file: " + path);
      }
    }
    return all;
  }

  private static boolean looksLikeDiff(String text) {
    return text.startsWith("diff --git ")
        || text.startsWith("--- ")
        || text.contains("\ndiff --git ")
        || text.contains("\n+++ ");
  }

  private static String utf8(InputStream in, String name) throws IOException {
    String text = Utf8.decodeOrNull(in.readAllBytes());
    if (text == null) {
      throw new CliException(ExitCodes.USAGE, name + " is not UTF-8 text");
    }
    return text;
  }

  private void print(List<DiffScan.Finding> findings, int scanned) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("scanned", scanned);
      report.put("findings", findings);
      out.println(Json.pretty(report));
    } else {
      for (DiffScan.Finding f : findings) {
        out.printf("%s:%d: %s %s%n", f.file(), f.line(), f.rule(), f.masked());
      }
      out.println(
          findings.isEmpty()
              ? "no secrets found (" + scanned + (scanned == 1 ? " input)" : " inputs)")
              : findings.size()
                  + (findings.size() == 1 ? " secret" : " secrets")
                  + " found; remove "
                  + (findings.size() == 1 ? "it" : "them")
                  + " or, for a value that is not a secret, add it to the allowlist");
    }
    out.flush();
  }
}
