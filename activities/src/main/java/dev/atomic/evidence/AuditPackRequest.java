package dev.atomic.evidence;

/**
 * A mission's audit pack to build.
 *
 * @param changeSpecJson the mission's ChangeSpec as JSON; null when it has none
 */
public record AuditPackRequest(String missionId, String changeSpecJson) {}
