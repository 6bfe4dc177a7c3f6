package dev.atomic.gateway.secrets;

import dev.atomic.gateway.Candidate;
import dev.atomic.gateway.KeywordIndex;
import dev.atomic.gateway.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * All built-in secret detectors behind one keyword prefilter. A single Aho-Corasick pass finds
 * every keyword; each rule's regex then runs only in the windows around its own keywords, and each
 * {@link KeywordDetector} (assignments, PEM blocks, URL passwords) only at its keywords. Immutable
 * and thread-safe; {@link #builtIn()} is shared.
 */
public final class SecretRules {

  /** Left boundary of a token: not inside a word. */
  public static final String B = "(?<![A-Za-z0-9_])";

  /** Right boundary of a token whose alphabet has no dash. */
  public static final String E = "(?![A-Za-z0-9_])";

  /** Right boundary of a token whose alphabet includes the dash. */
  public static final String E_DASH = "(?![A-Za-z0-9_-])";

  /**
   * Between a key name and its value: {@code =}, {@code :}, {@code :=}, {@code =>}, {@code ,} or
   * blanks, quotes allowed.
   */
  public static final String ASSIGN =
      "[\"'\\]]{0,2}(?:[ \\t]{0,8}(?::=|=>|[:=]|,)[ \\t]{0,8}|[ \\t]{1,8})[\"'`]?";

  private static final SecretRules BUILT_IN = new SecretRules(all(), detectors());

  private final List<SecretRule> rules;
  private final List<KeywordDetector> detectors;
  private final KeywordIndex index;
  // Per keyword: the rules to run near it, then the detectors (numbered after the rules).
  private final int[][] consumers;

  private SecretRules(List<SecretRule> rules, List<KeywordDetector> detectors) {
    this.rules = List.copyOf(rules);
    this.detectors = List.copyOf(detectors);
    Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
    for (int r = 0; r < rules.size(); r++) {
      for (String keyword : rules.get(r).keywords()) {
        byKeyword.computeIfAbsent(keyword, k -> new ArrayList<>()).add(r);
      }
    }
    for (int d = 0; d < detectors.size(); d++) {
      for (String keyword : detectors.get(d).keywords()) {
        byKeyword.computeIfAbsent(keyword, k -> new ArrayList<>()).add(rules.size() + d);
      }
    }
    List<String> keywords = new ArrayList<>(byKeyword.keySet());
    index = new KeywordIndex(keywords);
    consumers = new int[keywords.size()][];
    for (int k = 0; k < keywords.size(); k++) {
      consumers[k] = byKeyword.get(keywords.get(k)).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  public static List<KeywordDetector> detectors() {
    return List.of(
        new Assignments(),
        new PemBlocks(),
        new UrlPasswords(),
        new NamedPairs(),
        new KubernetesSecrets());
  }

  public static SecretRules builtIn() {
    return BUILT_IN;
  }

  public static List<SecretRule> all() {
    List<SecretRule> all = new ArrayList<>();
    all.addAll(CloudRules.all());
    all.addAll(DevToolRules.all());
    all.addAll(ServiceRules.all());
    all.addAll(StructuralRules.all());
    return all;
  }

  /** Every rule type this engine reports for secrets, {@code generic_secret} included. */
  public Set<String> types() {
    Set<String> types = new LinkedHashSet<>();
    rules.forEach(r -> types.add(r.type()));
    detectors.forEach(d -> types.addAll(d.types()));
    return types;
  }

  public void scan(String text, Consumer<Candidate> out) {
    Positions[] hits = new Positions[rules.size() + detectors.size()];
    index.scan(
        text,
        (keyword, start) -> {
          for (int c : consumers[keyword]) {
            if (hits[c] == null) {
              hits[c] = new Positions();
            }
            hits[c].add(start);
          }
        });
    for (int r = 0; r < rules.size(); r++) {
      if (hits[r] != null) {
        runRule(rules.get(r), text, hits[r].sorted(), hits[r].size, out);
      }
    }
    for (int d = 0; d < detectors.size(); d++) {
      Positions p = hits[rules.size() + d];
      if (p != null) {
        int[] starts = p.sorted();
        int readUpTo = -1;
        for (int i = 0; i < p.size; i++) {
          if (starts[i] >= readUpTo) {
            readUpTo = detectors.get(d).at(text, starts[i], out);
          }
        }
      }
    }
  }

  /** A growable list of text positions. */
  private static final class Positions {
    private int[] values = new int[8];
    private int size;

    void add(int position) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = position;
    }

    int[] sorted() {
      Arrays.sort(values, 0, size);
      return values;
    }
  }

  private static void runRule(
      SecretRule rule, String text, int[] hits, int count, Consumer<Candidate> out) {
    Matcher m = rule.pattern().matcher(text);
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    int n = text.length();
    if (rule.anchored()) {
      int last = -1;
      for (int i = 0; i < count; i++) {
        if (hits[i] > last) {
          m.region(hits[i], Math.min(n, hits[i] + rule.after()));
          if (m.lookingAt()) {
            last = report(rule, text, m, out);
          }
        }
      }
      return;
    }
    int i = 0;
    while (i < count) {
      int from = Math.max(0, hits[i] - rule.before());
      int to = Math.min(n, hits[i] + rule.after());
      // Windows that touch are searched as one, so a match is never found twice.
      while (i + 1 < count && hits[i + 1] - rule.before() <= to) {
        i++;
        to = Math.min(n, hits[i] + rule.after());
      }
      i++;
      m.region(from, to);
      while (m.find()) {
        report(rule, text, m, out);
      }
    }
  }

  /** Reports the match if its value passes the rule's check; returns where the match ends. */
  private static int report(SecretRule rule, String text, Matcher m, Consumer<Candidate> out) {
    int start = rule.hasValueGroup() ? m.start("v") : m.start();
    int end = rule.hasValueGroup() ? m.end("v") : m.end();
    if (end > start && rule.check().test(text.substring(start, end))) {
      out.accept(new Candidate(start, end, Kind.SECRET, rule.type(), rule.specificity()));
    }
    return m.end() - 1;
  }
}
