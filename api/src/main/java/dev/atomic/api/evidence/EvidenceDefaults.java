package dev.atomic.api.evidence;

import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.evidence.pack.FinOpsSummaries;
import dev.atomic.gateway.SecretRedactor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Stand-ins that a capability replaces by declaring its own bean: the gateway's redaction engine
 * for {@link EvidenceRedactor}, FinOps for {@link FinOpsSummaries}. An auto-configuration, so the
 * replacement wins whatever the order in which configurations are read.
 */
@AutoConfiguration
public class EvidenceDefaults {

  /** The built-in secret rules, where no gateway settings are configured. */
  @Bean
  @ConditionalOnMissingBean
  EvidenceRedactor evidenceRedactor() {
    return SecretRedactor.builtIn();
  }

  /** Declares {@code finops.json} absent, with the reason. */
  @Bean
  @ConditionalOnMissingBean
  FinOpsSummaries finOpsSummaries() {
    return FinOpsSummaries.notWired();
  }
}
