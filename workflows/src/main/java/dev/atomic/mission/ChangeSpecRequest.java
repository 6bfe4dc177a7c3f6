package dev.atomic.mission;

import dev.atomic.dte.ChangeSpec;

/** Payload of the {@code attachChangeSpec} update: the validated spec, and who attaches it. */
public record ChangeSpecRequest(ChangeSpec changeSpec, String actor) {}
