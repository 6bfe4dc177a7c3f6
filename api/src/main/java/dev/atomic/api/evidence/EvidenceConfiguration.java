package dev.atomic.api.evidence;

import dev.atomic.evidence.EvidenceImport;
import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.evidence.EvidenceStore;
import dev.atomic.evidence.EvidenceTuning;
import dev.atomic.evidence.pack.SigningKey;
import dev.atomic.evidence.pack.SigningKeys;
import dev.atomic.platform.Database;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceSettings.class)
class EvidenceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EvidenceConfiguration.class);

  /** {@code EVIDENCE_BATCH_SIZE} and {@code EVIDENCE_COMPRESSION_LEVEL}, checked at start. */
  @Bean
  EvidenceTuning evidenceTuning(Environment environment) {
    return EvidenceTuning.from(environment::getProperty);
  }

  /** Backups restored with {@code POST /evidence/import}, in batches of EVIDENCE_BATCH_SIZE. */
  @Bean
  EvidenceImport evidenceImport(DataSource dataSource, EvidenceTuning tuning) {
    return new EvidenceImport(new Database(dataSource), tuning.batchSize());
  }

  @Bean
  EvidenceStore evidenceStore(DataSource dataSource, EvidenceRedactor redactor) {
    return new EvidenceStore(new Database(dataSource), redactor);
  }

  /**
   * The audit-pack signing key, loaded at start so a bad key file stops the process with the reason
   * instead of failing the first export.
   */
  @Bean
  SigningKey auditSigningKey(EvidenceSettings settings) {
    String file = settings.signingKeyFile();
    SigningKey key;
    if (file != null && !file.isBlank()) {
      try {
        key = SigningKeys.load(Path.of(file.trim()));
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalStateException(
            "ATOMIC_SIGNING_KEY_FILE="
                + file
                + ": cannot read an Ed25519 PKCS#8 PEM private key ("
                + e.getMessage()
                + ")",
            e);
      }
      log.info("audit packs are signed with key id {} from {}", key.keyId(), file);
    } else {
      Path directory = Path.of(settings.keyDirectory());
      try {
        key = SigningKeys.loadOrCreate(directory);
      } catch (IOException e) {
        throw new IllegalStateException(
            "cannot load or create the audit signing key under "
                + directory
                + ": "
                + e.getMessage(),
            e);
      }
      log.info(
          "audit packs are signed with key id {}; public key: {}",
          key.keyId(),
          directory.resolve(SigningKeys.PUBLIC_KEY_FILE).toAbsolutePath());
    }
    return key;
  }
}
