package dev.atomic.evidence;

/**
 * A stored audit pack.
 *
 * @param sha256 digest of the ZIP, its key in the artifact store
 * @param lastEvent the last event of the chain the pack holds
 */
public record AuditPackRef(String sha256, long bytes, String keyId, int events, String lastEvent) {}
