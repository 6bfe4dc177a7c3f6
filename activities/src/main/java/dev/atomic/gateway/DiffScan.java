package dev.atomic.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * Secrets in the lines a unified diff adds, with the file and line they would land on. Only added
 * lines are scanned: a secret the change removes is no leak of the change's.
 *
 * @param findings what was found, values masked
 */
public record DiffScan(List<Finding> findings) {

  /** One secret: the rule, where it would land, and a masked value. */
  public record Finding(String rule, String kind, String file, int line, String masked) {}

  public DiffScan {
    findings = List.copyOf(findings);
  }

  /** Scans the added lines of {@code diff}, file by file. */
  public static DiffScan of(String diff, RedactionEngine engine) {
    List<Finding> findings = new ArrayList<>();
    String file = null;
    int newLine = 0;
    StringBuilder added = new StringBuilder();
    List<Integer> lines = new ArrayList<>();
    for (String line : diff.split("\n", -1)) {
      if (line.startsWith("+++ ")) {
        scan(file, added, lines, engine, findings);
        String path = line.substring(4).strip();
        file = path.startsWith("b/") ? path.substring(2) : path;
      } else if (line.startsWith("@@")) {
        newLine = hunkStart(line);
      } else if (line.startsWith("+")) {
        added.append(line, 1, line.length()).append('\n');
        lines.add(newLine++);
      } else if (line.startsWith(" ")) {
        newLine++;
      }
    }
    scan(file, added, lines, engine, findings);
    return new DiffScan(findings);
  }

  /**
   * Scans a whole file's text, in slices of the engine's input limit, with the line each secret is
   * on.
   */
  public static DiffScan ofText(String file, String text, RedactionEngine engine) {
    List<Finding> findings = new ArrayList<>();
    int limit = engine.config().maxInputChars();
    int line = 1;
    int lineCountedTo = 0;
    for (int from = 0; from < text.length(); ) {
      int to = Math.min(text.length(), from + limit);
      if (to < text.length()) {
        // Cut after a line end where there is one, so a secret is rarely split.
        int cut = text.lastIndexOf('\n', to - 1);
        to = cut > from ? cut + 1 : to;
      }
      String slice = text.substring(from, to);
      for (Redaction r : engine.scan(slice).redactions()) {
        if (r.kind() != Kind.SECRET) {
          continue;
        }
        for (int i = lineCountedTo; i < from + r.start(); i++) {
          if (text.charAt(i) == '\n') {
            line++;
          }
        }
        lineCountedTo = from + r.start();
        findings.add(
            new Finding(
                r.rule(),
                r.kind().wireName(),
                file,
                line,
                mask(slice.substring(r.start(), r.end()))));
      }
      from = to;
    }
    return new DiffScan(findings);
  }

  private static void scan(
      String file,
      StringBuilder added,
      List<Integer> lines,
      RedactionEngine engine,
      List<Finding> out) {
    if (file != null && added.length() > 0) {
      String text = added.toString();
      for (Redaction r : engine.scan(text).redactions()) {
        if (r.kind() != Kind.SECRET) {
          continue;
        }
        int index = 0;
        for (int i = 0; i < r.start(); i++) {
          if (text.charAt(i) == '\n') {
            index++;
          }
        }
        out.add(
            new Finding(
                r.rule(),
                r.kind().wireName(),
                file,
                lines.get(Math.min(index, lines.size() - 1)),
                mask(text.substring(r.start(), r.end()))));
      }
    }
    added.setLength(0);
    lines.clear();
  }

  /** The first four characters and the length: enough to recognise, not to use. */
  public static String mask(String value) {
    String head = value.length() > 8 ? value.substring(0, 4) : "";
    return head + "…(" + value.length() + " chars)";
  }

  private static int hunkStart(String header) {
    // @@ -a,b +c,d @@
    int plus = header.indexOf('+');
    int end = plus;
    while (end + 1 < header.length() && Character.isDigit(header.charAt(end + 1))) {
      end++;
    }
    return plus < 0 || end == plus ? 1 : Integer.parseInt(header.substring(plus + 1, end + 1));
  }
}
