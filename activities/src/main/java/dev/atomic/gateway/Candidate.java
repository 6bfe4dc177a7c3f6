package dev.atomic.gateway;

/** A detection before overlaps are resolved; {@code specificity} ranks overlapping candidates. */
public record Candidate(int start, int end, Kind kind, String rule, int specificity) {

  public int length() {
    return end - start;
  }

  public boolean overlaps(Candidate other) {
    return start < other.end && other.start < end;
  }

  public Redaction toRedaction() {
    return new Redaction(kind, rule, start, end);
  }
}
