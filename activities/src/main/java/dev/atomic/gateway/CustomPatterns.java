package dev.atomic.gateway;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Detectors from configuration, compiled with RE2 (re2j): matching time is linear in the input
 * whatever the pattern, so no configured pattern can hang the engine. Patterns are limited to
 * {@value #MAX_PATTERN_LENGTH} characters and each reports at most {@value #MAX_MATCHES} matches
 * per scan. Empty matches are ignored. A pattern's keywords, capture group, entropy floor and
 * allowlists apply as gitleaks applies them. Thread-safe.
 */
final class CustomPatterns {

  static final int MAX_PATTERN_LENGTH = 2_000;
  static final int MAX_MATCHES = 10_000;

  private record CompiledAllow(CustomPattern.Allow source, List<Pattern> regexes) {}

  private record Compiled(CustomPattern source, Pattern pattern, List<CompiledAllow> allows) {}

  private final List<Compiled> patterns = new ArrayList<>();

  /**
   * @throws IllegalArgumentException naming the pattern when one is too long, not valid RE2, or its
   *     secret group does not exist
   */
  CustomPatterns(List<CustomPattern> sources) {
    for (CustomPattern source : sources) {
      Pattern pattern = compile(source.name(), "regex", source.regex());
      if (source.secretGroup() > pattern.groupCount()) {
        throw new IllegalArgumentException(
            "custom pattern '"
                + source.name()
                + "': secretGroup "
                + source.secretGroup()
                + " but the regex has "
                + pattern.groupCount()
                + " group(s)");
      }
      List<CompiledAllow> allows = new ArrayList<>();
      for (CustomPattern.Allow allow : source.allowlists()) {
        List<Pattern> regexes = new ArrayList<>();
        for (String regex : allow.regexes()) {
          regexes.add(compile(source.name(), "allowlist regex", regex));
        }
        allows.add(new CompiledAllow(allow, regexes));
      }
      patterns.add(new Compiled(source, pattern, allows));
    }
  }

  private static Pattern compile(String name, String what, String regex) {
    if (regex.length() > MAX_PATTERN_LENGTH) {
      throw new IllegalArgumentException(
          "custom pattern '"
              + name
              + "': "
              + what
              + " is longer than "
              + MAX_PATTERN_LENGTH
              + " characters");
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "custom pattern '"
              + name
              + "': "
              + what
              + " is not valid RE2 ("
              + e.getDescription()
              + "; look-around and backreferences cannot run in linear time)",
          e);
    }
  }

  void scan(String text, boolean secrets, boolean pii, Consumer<Candidate> out) {
    String lower = null;
    for (Compiled c : patterns) {
      CustomPattern source = c.source();
      Kind kind = source.kind();
      if (kind == Kind.SECRET && !secrets || kind == Kind.PII && !pii) {
        continue;
      }
      if (!source.keywords().isEmpty()) {
        if (lower == null) {
          lower = text.toLowerCase(Locale.ROOT);
        }
        String haystack = lower;
        if (source.keywords().stream()
            .noneMatch(k -> haystack.contains(k.toLowerCase(Locale.ROOT)))) {
          continue;
        }
      }
      Matcher m = c.pattern().matcher(text);
      int found = 0;
      while (found < MAX_MATCHES && m.find()) {
        int start = source.secretGroup() == 0 ? m.start() : m.start(source.secretGroup());
        int end = source.secretGroup() == 0 ? m.end() : m.end(source.secretGroup());
        if (start < 0 || end <= start) {
          continue;
        }
        String value = text.substring(start, end);
        if (source.minEntropy() != null && Validators.entropy(value) < source.minEntropy()) {
          continue;
        }
        if (allowed(c, text, m.start(), m.end(), value)) {
          continue;
        }
        out.accept(new Candidate(start, end, kind, source.name(), 3));
        found++;
      }
    }
  }

  private static boolean allowed(Compiled c, String text, int from, int to, String value) {
    for (CompiledAllow allow : c.allows()) {
      CustomPattern.Allow rule = allow.source();
      String target =
          switch (rule.target()) {
            case "match" -> text.substring(from, to);
            case "line" -> line(text, from, to);
            default -> value;
          };
      Boolean byRegex =
          allow.regexes().isEmpty()
              ? null
              : allow.regexes().stream().anyMatch(p -> p.matcher(target).find());
      String lowerValue = value.toLowerCase(Locale.ROOT);
      Boolean byStopword =
          rule.stopwords().isEmpty()
              ? null
              : rule.stopwords().stream()
                  .anyMatch(w -> lowerValue.contains(w.toLowerCase(Locale.ROOT)));
      boolean any = Boolean.TRUE.equals(byRegex) || Boolean.TRUE.equals(byStopword);
      boolean every =
          (byRegex != null || byStopword != null)
              && !Boolean.FALSE.equals(byRegex)
              && !Boolean.FALSE.equals(byStopword);
      if (rule.all() ? every : any) {
        return true;
      }
    }
    return false;
  }

  private static String line(String text, int from, int to) {
    int start = text.lastIndexOf('\n', Math.max(0, from - 1)) + 1;
    int end = text.indexOf('\n', to);
    return text.substring(start, end < 0 ? text.length() : end);
  }
}
