package dev.atomic.gateway;

/** A detection before overlaps are resolved; {@code specificity} ranks overlapping candidates. */
record Candidate(int start, int end, Kind kind, String rule, int specificity) {

  int length() {
    return end - start;
  }

  boolean overlaps(Candidate other) {
    return start < other.end && other.start < end;
  }

  Redaction toRedaction() {
    return new Redaction(kind, rule, start, end);
  }
}
