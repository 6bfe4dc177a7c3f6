package dev.atomic.config;

import dev.atomic.evidence.EvidenceTuning;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops a process at start, with one line naming the variable, when {@code EVIDENCE_BATCH_SIZE} or
 * {@code EVIDENCE_COMPRESSION_LEVEL} is not a number in its range, instead of failing the first
 * transition or export later.
 */
public class EvidenceTuningCheck implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    try {
      EvidenceTuning.from(environment::getProperty);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
