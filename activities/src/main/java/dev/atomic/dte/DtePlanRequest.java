package dev.atomic.dte;

import java.util.List;

/** An intent to turn into a ChangeSpec. */
public record DtePlanRequest(
    String id, String intent, List<String> scope, String language, String requestedBy) {}
