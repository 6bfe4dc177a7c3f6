package dev.atomic.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns overlapping detections into disjoint redactions, deterministically. Candidates are ranked
 * by specificity (a vendor format over a context rule), then length (longer first), then position
 * and rule name. A candidate inside a better one is dropped; one that sticks out of better ones is
 * merged with them, keeping the best one's kind and rule, so that no detected character is left in
 * clear.
 */
final class Overlaps {

  static final Comparator<Candidate> RANK =
      Comparator.comparingInt(Candidate::specificity)
          .reversed()
          .thenComparing(Comparator.comparingInt(Candidate::length).reversed())
          .thenComparingInt(Candidate::start)
          .thenComparing(Candidate::rule)
          .thenComparing(Candidate::kind);

  private Overlaps() {}

  static List<Redaction> resolve(List<Candidate> candidates) {
    List<Candidate> ranked = new ArrayList<>(candidates);
    ranked.sort(RANK);
    TreeMap<Integer, Candidate> accepted = new TreeMap<>();
    for (Candidate c : ranked) {
      List<Candidate> hit = overlapping(accepted, c);
      if (hit.isEmpty()) {
        accepted.put(c.start(), c);
        continue;
      }
      Candidate best = hit.stream().min(RANK).orElseThrow();
      int start = Math.min(c.start(), hit.get(0).start());
      int end = Math.max(c.end(), hit.get(hit.size() - 1).end());
      if (hit.size() == 1 && start == best.start() && end == best.end()) {
        continue; // inside a better detection
      }
      hit.forEach(h -> accepted.remove(h.start()));
      accepted.put(start, new Candidate(start, end, best.kind(), best.rule(), best.specificity()));
    }
    return accepted.values().stream().map(Candidate::toRedaction).toList();
  }

  /** Accepted candidates overlapping {@code c}, in position order. */
  private static List<Candidate> overlapping(TreeMap<Integer, Candidate> accepted, Candidate c) {
    List<Candidate> hit = new ArrayList<>();
    Map.Entry<Integer, Candidate> before = accepted.lowerEntry(c.start());
    if (before != null && before.getValue().end() > c.start()) {
      hit.add(before.getValue());
    }
    hit.addAll(accepted.subMap(c.start(), true, c.end(), false).values());
    return hit;
  }
}
