package dev.atomic.mission;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A recorded decision on a checkpoint.
 *
 * @param by who decided: a user name, or {@code policy} for an automatic approval
 * @param at ISO-8601 instant of the decision
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(String by, String at, Verdict verdict, String comment) {}
