package dev.atomic.gateway.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision and recall of predicted spans against labelled ones, by the corpus scoring rule: a gold
 * span is found when one predicted span covers at least half of its characters; a predicted span is
 * a true positive when it overlaps any gold span; recall is counted per gold kind, precision per
 * predicted kind, so a secret redacted as PII still counts as redacted.
 */
public final class CorpusScore {

  /** A labelled span: {@code kind} secret or pii, {@code type} the credential or data type. */
  public record Span(int start, int end, String kind, String type) {}

  /** Counts for one kind. */
  public record KindCounts(int predicted, int truePositives, int gold, int found) {
    public double precision() {
      return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    public double recall() {
      return gold == 0 ? 1.0 : (double) found / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Gold spans of one type and how many were found. */
  public record TypeCounts(int gold, int found) {
    public double recall() {
      return gold == 0 ? 1.0 : (double) found / gold;
    }
  }

  private final Map<String, int[]> kinds = new TreeMap<>();
  private final Map<String, int[]> types = new TreeMap<>();

  /** Adds one line's gold and predicted spans. */
  public void add(List<Span> gold, List<Span> predicted) {
    for (Span g : gold) {
      boolean found = false;
      for (Span p : predicted) {
        if (2 * overlap(g, p) >= g.end() - g.start()) {
          found = true;
          break;
        }
      }
      int[] k = kinds.computeIfAbsent(g.kind(), x -> new int[4]);
      k[2]++;
      int[] t = types.computeIfAbsent(g.type(), x -> new int[2]);
      t[0]++;
      if (found) {
        k[3]++;
        t[1]++;
      }
    }
    for (Span p : predicted) {
      int[] k = kinds.computeIfAbsent(p.kind(), x -> new int[4]);
      k[0]++;
      if (gold.stream().anyMatch(g -> overlap(g, p) > 0)) {
        k[1]++;
      }
    }
  }

  public Map<String, KindCounts> byKind() {
    Map<String, KindCounts> out = new TreeMap<>();
    kinds.forEach((kind, c) -> out.put(kind, new KindCounts(c[0], c[1], c[2], c[3])));
    return out;
  }

  public Map<String, TypeCounts> byGoldType() {
    Map<String, TypeCounts> out = new TreeMap<>();
    types.forEach((type, c) -> out.put(type, new TypeCounts(c[0], c[1])));
    return out;
  }

  private static int overlap(Span a, Span b) {
    return Math.max(0, Math.min(a.end(), b.end()) - Math.max(a.start(), b.start()));
  }
}
