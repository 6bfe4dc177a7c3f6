package dev.atomic.evidence.pack;

/**
 * One checkpoint decision as {@code approvals.json} lists it: the file is a JSON array of these, in
 * the order of their events. Each matches a {@code CheckpointApproved} or {@code
 * CheckpointRejected} event of {@code events.jsonl}.
 *
 * @param checkpoint {@code plan}, {@code execute}, {@code verify} or {@code finalize} (the event's
 *     {@code data.checkpoint})
 * @param by who decided (the event's {@code actor}; {@code policy} for an automatic approval)
 * @param at when, as an ISO-8601 instant (the event's {@code timestamp})
 * @param decision {@code approved} or {@code rejected} (from the event's type)
 * @param comment the decider's comment (the event's {@code data.comment}), or {@code null}
 */
public record ApprovalRecord(
    String checkpoint, String by, String at, String decision, String comment) {}
