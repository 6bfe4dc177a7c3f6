package dev.atomic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RuleSamplesTest {

  private final RedactionEngine engine = new RedactionEngine();

  @Test
  void coversEveryBuiltInRuleWithAtLeastSixtySecretTypes() {
    assertThat(RuleSamples.all().keySet()).containsExactlyInAnyOrderElementsOf(RedactionEngine.builtInRuleTypes());
    assertThat(SecretRules.builtIn().types()).hasSizeGreaterThanOrEqualTo(60);
  }

  @TestFactory
  Stream<DynamicTest> eachSampleIsRedactedByItsOwnRule() {
    return RuleSamples.all().entrySet().stream().map(sample -> DynamicTest.dynamicTest(sample.getKey(), () -> {
      RedactionResult result = engine.scan(sample.getValue());

      assertThat(result.redactions()).extracting(Redaction::rule).contains(sample.getKey());
      Redaction r = result.redactions().stream().filter(x -> x.rule().equals(sample.getKey())).findFirst().orElseThrow();
      String secret = sample.getValue().substring(r.start(), r.end());
      assertThat(result.sanitized()).doesNotContain(secret).contains(r.placeholder());
    }));
  }

  @Test
  void samplesAreStableBetweenCalls() {
    assertThat(RuleSamples.all()).isSameAs(RuleSamples.all());
    assertThat(RuleSamples.all().get("aws_access_key")).startsWith("AWS_ACCESS_KEY_ID=AKIA").hasSize(38);
  }
}
