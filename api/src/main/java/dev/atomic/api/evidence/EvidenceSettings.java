package dev.atomic.api.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Evidence settings (docs/configuration.md).
 *
 * @param signingKeyFile the Ed25519 private key (PKCS#8 PEM) that signs audit packs ({@code
 *     ATOMIC_SIGNING_KEY_FILE}); when empty, the key under {@code keyDirectory}, made on first
 *     start
 * @param keyDirectory where the generated key lives: {@code $ATOMIC_HOME/keys}
 * @param maxEventBytes the largest {@code data} of an event posted by an external producer, in
 *     bytes of canonical JSON
 */
@ConfigurationProperties("atomic.evidence")
record EvidenceSettings(String signingKeyFile, String keyDirectory, int maxEventBytes) {}
