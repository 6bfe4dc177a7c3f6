package dev.atomic.api.mission;

/**
 * Body of {@code POST /missions}.
 *
 * @param risk {@code low}, {@code medium} (default) or {@code high}
 * @param requestedBy who asks; {@code actor} is accepted as a synonym
 */
record CreateMissionBody(String title, String risk, String requestedBy, String actor) {}
