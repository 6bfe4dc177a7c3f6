package dev.atomic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.gateway.secrets.SecretRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RuleSamplesTest {

  private final RedactionEngine engine = new RedactionEngine();

  @Test
  void coversEveryBuiltInRuleWithAtLeastSixtySecretTypes() {
    assertThat(RuleSamples.all().keySet())
        .containsExactlyInAnyOrderElementsOf(RedactionEngine.builtInRuleTypes());
    assertThat(SecretRules.builtIn().types()).hasSizeGreaterThanOrEqualTo(60);
  }

  @TestFactory
  Stream<DynamicTest> eachSampleIsRedactedByItsOwnRule() {
    return RuleSamples.all().entrySet().stream()
        .map(
            sample ->
                DynamicTest.dynamicTest(
                    sample.getKey(),
                    () -> {
                      RedactionResult result = engine.scan(sample.getValue());

                      assertThat(result.redactions())
                          .extracting(Redaction::rule)
                          .contains(sample.getKey());
                      Redaction r =
                          result.redactions().stream()
                              .filter(x -> x.rule().equals(sample.getKey()))
                              .findFirst()
                              .orElseThrow();
                      String secret = sample.getValue().substring(r.start(), r.end());
                      assertThat(result.sanitized())
                          .doesNotContain(secret)
                          .contains(r.placeholder());
                    }));
  }

  /**
   * The near miss of each sample: its secret or personal value cut to its first six characters, as
   * in a truncated paste or a masked value. The rule must not fire on it. A password in a URL is a
   * secret at any length, so its near miss is a reference to one instead.
   */
  @TestFactory
  Stream<DynamicTest> theNearMissOfEachSampleIsNotRedactedByItsRule() {
    return RuleSamples.all().entrySet().stream()
        .map(
            sample ->
                DynamicTest.dynamicTest(
                    sample.getKey(),
                    () -> {
                      Redaction found =
                          engine.scan(sample.getValue()).redactions().stream()
                              .filter(x -> x.rule().equals(sample.getKey()))
                              .findFirst()
                              .orElseThrow();
                      String text = sample.getValue();
                      String cut =
                          sample.getKey().equals("url_password")
                              ? "${DB_PASSWORD}"
                              : text.substring(
                                  found.start(), found.start() + Math.min(6, found.length()));
                      String nearMiss =
                          text.substring(0, found.start()) + cut + text.substring(found.end());

                      assertThat(engine.scan(nearMiss).redactions())
                          .as(nearMiss)
                          .extracting(Redaction::rule)
                          .doesNotContain(sample.getKey());
                    }));
  }

  @Test
  void samplesAreStableBetweenCalls() {
    assertThat(RuleSamples.all()).isSameAs(RuleSamples.all());
    assertThat(RuleSamples.all().get("aws_access_key"))
        .startsWith("AWS_ACCESS_KEY_ID=AKIA")
        .hasSize(38);
  }
}
