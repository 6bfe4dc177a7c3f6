package dev.atomic.mission;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/** Search attributes (Keyword) a mission keeps current, for the Temporal Web UI and CLI. */
public final class MissionSearchAttributes {
  public static final SearchAttributeKey<String> STATUS =
      SearchAttributeKey.forKeyword("AtomicMissionStatus");
  public static final SearchAttributeKey<String> CHECKPOINT =
      SearchAttributeKey.forKeyword("AtomicCheckpoint");
  public static final SearchAttributeKey<String> RISK = SearchAttributeKey.forKeyword("AtomicRisk");

  public static final List<SearchAttributeKey<String>> ALL = List.of(STATUS, CHECKPOINT, RISK);

  /** Memo key holding the mission title. */
  public static final String MEMO_TITLE = "title";

  private MissionSearchAttributes() {}
}
