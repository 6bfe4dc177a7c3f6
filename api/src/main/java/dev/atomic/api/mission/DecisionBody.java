package dev.atomic.api.mission;

/** Optional body of approve and reject: {@code {actor?, comment?}}. */
record DecisionBody(String actor, String comment) {}
