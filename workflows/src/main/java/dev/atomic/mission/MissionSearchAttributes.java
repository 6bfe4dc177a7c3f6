package dev.atomic.mission;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

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

  /**
   * Registers each attribute as a Keyword in {@code namespace}, one at a time: servers answer
   * ALREADY_EXISTS per attribute, and the embedded test server has no ListSearchAttributes. Not for
   * workflow code (it calls the server).
   *
   * @param registered told each attribute's name and whether it is new (false: already there)
   * @throws StatusRuntimeException for any other answer of the server
   */
  public static void register(
      OperatorServiceStubs operator,
      String namespace,
      Duration deadline,
      BiConsumer<String, Boolean> registered) {
    for (SearchAttributeKey<String> key : ALL) {
      try {
        operator
            .blockingStub()
            .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
            .addSearchAttributes(
                AddSearchAttributesRequest.newBuilder()
                    .setNamespace(namespace)
                    .putSearchAttributes(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                    .build());
        registered.accept(key.getName(), true);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
          throw e;
        }
        registered.accept(key.getName(), false);
      }
    }
  }

  private MissionSearchAttributes() {}
}
