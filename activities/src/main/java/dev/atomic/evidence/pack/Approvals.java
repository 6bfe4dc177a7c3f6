package dev.atomic.evidence.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.EventTypes;
import dev.atomic.platform.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code approvals.json}: made from the decision events, and checked against them. */
public final class Approvals {

  private Approvals() {}

  /** The decisions recorded in {@code events}, in event order. */
  public static List<ApprovalRecord> fromEvents(List<ChainedEvent> events) {
    List<ApprovalRecord> approvals = new ArrayList<>();
    for (ChainedEvent event : events) {
      String decision = decisionOf(event);
      if (decision != null) {
        Object checkpoint = event.data().get("checkpoint");
        Object comment = event.data().get("comment");
        approvals.add(
            new ApprovalRecord(
                checkpoint == null ? null : checkpoint.toString(),
                event.actor(),
                event.timestamp(),
                decision,
                comment == null ? null : comment.toString()));
      }
    }
    return approvals;
  }

  /** The {@code approvals.json} bytes: an indented JSON array, members in record order. */
  public static byte[] toJson(List<ApprovalRecord> approvals) {
    ArrayNode array = Json.mapper().createArrayNode();
    for (ApprovalRecord approval : approvals) {
      array
          .addObject()
          .put("checkpoint", approval.checkpoint())
          .put("by", approval.by())
          .put("at", approval.at())
          .put("decision", approval.decision())
          .put("comment", approval.comment());
    }
    try {
      return Json.mapper()
          .writer()
          .with(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsBytes(array);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write approvals", e);
    }
  }

  /**
   * Reads {@code approvals.json}.
   *
   * @throws IllegalArgumentException naming the malformed entry
   */
  static List<ApprovalRecord> parse(byte[] json) {
    JsonNode array;
    try {
      array = Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException("approvals.json is not JSON");
    }
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException("approvals.json is not a JSON array");
    }
    List<ApprovalRecord> approvals = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode entry = array.get(i);
      String where = "approvals.json entry " + (i + 1);
      if (!entry.isObject()) {
        throw new IllegalArgumentException(where + " is not an object");
      }
      JsonNode comment = entry.get("comment");
      if (comment != null && !comment.isNull() && !comment.isTextual()) {
        throw new IllegalArgumentException(where + ": comment is not a string");
      }
      approvals.add(
          new ApprovalRecord(
              required(entry, "checkpoint", where),
              required(entry, "by", where),
              required(entry, "at", where),
              required(entry, "decision", where),
              comment == null || comment.isNull() ? null : comment.textValue()));
    }
    return approvals;
  }

  /**
   * The first difference between {@code approvals} and the decisions in {@code events}, or null.
   */
  static String mismatch(List<ApprovalRecord> approvals, List<ChainedEvent> events) {
    List<ChainedEvent> decisions = events.stream().filter(e -> decisionOf(e) != null).toList();
    List<ApprovalRecord> expected = fromEvents(decisions);
    for (int i = 0; i < Math.max(approvals.size(), expected.size()); i++) {
      if (i >= approvals.size()) {
        return "approvals.json lacks the decision of event "
            + decisions.get(i).id()
            + " ("
            + describe(expected.get(i))
            + ")";
      }
      ApprovalRecord listed = approvals.get(i);
      String where = "approvals.json entry " + (i + 1) + " (" + describe(listed) + ")";
      if (i >= expected.size()) {
        return where + " matches no CheckpointApproved or CheckpointRejected event in events.jsonl";
      }
      ApprovalRecord recorded = expected.get(i);
      String eventId = decisions.get(i).id();
      String field = differingField(listed, recorded);
      if (field != null) {
        return where
            + ": "
            + field
            + " differs from event "
            + eventId
            + " ("
            + valueOf(listed, field)
            + " vs "
            + valueOf(recorded, field)
            + ")";
      }
    }
    return null;
  }

  private static String differingField(ApprovalRecord listed, ApprovalRecord recorded) {
    if (!Objects.equals(listed.checkpoint(), recorded.checkpoint())) {
      return "checkpoint";
    }
    if (!Objects.equals(listed.decision(), recorded.decision())) {
      return "decision";
    }
    if (!Objects.equals(listed.by(), recorded.by())) {
      return "by";
    }
    if (!sameInstant(listed.at(), recorded.at())) {
      return "at";
    }
    if (!Objects.equals(listed.comment(), recorded.comment())) {
      return "comment";
    }
    return null;
  }

  private static String valueOf(ApprovalRecord record, String field) {
    String value =
        switch (field) {
          case "checkpoint" -> record.checkpoint();
          case "decision" -> record.decision();
          case "by" -> record.by();
          case "at" -> record.at();
          default -> record.comment();
        };
    return value == null ? "null" : "\"" + value + "\"";
  }

  private static boolean sameInstant(String a, String b) {
    try {
      return Instant.parse(a).equals(Instant.parse(b));
    } catch (DateTimeParseException | NullPointerException e) {
      return Objects.equals(a, b);
    }
  }

  private static String describe(ApprovalRecord approval) {
    return approval.checkpoint() + " " + approval.decision() + " by " + approval.by();
  }

  private static String decisionOf(ChainedEvent event) {
    if (EventTypes.CHECKPOINT_APPROVED.equals(event.type())) {
      return "approved";
    }
    if (EventTypes.CHECKPOINT_REJECTED.equals(event.type())) {
      return "rejected";
    }
    return null;
  }

  private static String required(JsonNode entry, String member, String where) {
    JsonNode value = entry.get(member);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(where + ": \"" + member + "\" is missing or not a string");
    }
    return value.textValue();
  }
}
