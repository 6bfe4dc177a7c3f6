package dev.atomic.dte.batches;

import java.util.HashSet;
import java.util.Set;

/**
 * The names a Java source mentions, read lexically: every identifier outside comments and literals,
 * and every dotted name ({@code com.acme.model.UserId}, as in imports and qualified references)
 * with each of its prefixes. Cheap enough to run over a whole tree; it may over-report (a local
 * variable named like a method elsewhere), which only makes batches larger, never unsafe.
 */
final class Identifiers {

  private Identifiers() {}

  static Set<String> of(String source) {
    Set<String> names = new HashSet<>();
    if (source == null) {
      return names;
    }
    int n = source.length();
    int i = 0;
    StringBuilder dotted = new StringBuilder();
    boolean afterDot = false;
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        i = skipTo(source, i + 2, "\n");
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        i = skipTo(source, i + 2, "*/");
      } else if (c == '"' && source.startsWith("\"\"\"", i)) {
        i = skipTextBlock(source, i + 3);
        dotted.setLength(0);
      } else if (c == '"' || c == '\'') {
        i = skipQuoted(source, i + 1, c);
        dotted.setLength(0);
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) {
          i++;
        }
        String word = source.substring(start, i);
        names.add(word);
        if (afterDot && dotted.length() > 0) {
          dotted.append('.').append(word);
          names.add(dotted.toString());
        } else {
          dotted.setLength(0);
          dotted.append(word);
        }
        afterDot = false;
        continue;
      } else if (c == '.') {
        afterDot = dotted.length() > 0;
        i++;
        continue;
      } else if (!Character.isWhitespace(c)) {
        dotted.setLength(0);
        afterDot = false;
        i++;
        continue;
      } else {
        i++;
        continue;
      }
      afterDot = false;
    }
    return names;
  }

  private static int skipTo(String source, int from, String end) {
    int at = source.indexOf(end, from);
    return at < 0 ? source.length() : at + end.length();
  }

  private static int skipQuoted(String source, int from, char quote) {
    int i = from;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote || c == '\n') {
        return i + 1;
      } else {
        i++;
      }
    }
    return i;
  }

  private static int skipTextBlock(String source, int from) {
    int i = from;
    while (i < source.length()) {
      if (source.charAt(i) == '\\') {
        i += 2;
      } else if (source.startsWith("\"\"\"", i)) {
        return i + 3;
      } else {
        i++;
      }
    }
    return i;
  }
}
