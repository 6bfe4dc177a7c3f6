package dev.atomic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorsTest {

  @Test
  void luhnAcceptsValidCardNumbersWithSeparatorsAndRejectsOthers() {
    assertThat(Validators.luhn("4111 1111 1111 1111")).isTrue();
    assertThat(Validators.luhn("378282246310005")).isTrue();
    assertThat(Validators.luhn("5555-5555-5555-4444")).isTrue();
    assertThat(Validators.luhn("4111 1111 1111 1112")).isFalse();
    assertThat(Validators.luhn("7329976350793475")).isFalse();
    assertThat(Validators.luhn("0")).isFalse();
  }

  @Test
  void ibanChecksCountryLengthAndMod97() {
    assertThat(Validators.iban("GB82 WEST 1234 5698 7654 32")).isTrue();
    assertThat(Validators.iban("DE89370400440532013000")).isTrue();
    assertThat(Validators.iban("NL91ABNA0417164300")).isTrue();
    assertThat(Validators.iban("DE89370400440532013001")).as("wrong check digits").isFalse();
    assertThat(Validators.iban("DE8937040044053201300")).as("too short for DE").isFalse();
    assertThat(Validators.iban("XX89370400440532013000")).as("no such country").isFalse();
    String bban = "370400440532013000";
    assertThat(Validators.iban("DE" + Validators.ibanCheckDigits("DE", bban) + bban)).isTrue();
  }

  @Test
  void ssnAcceptsIssuedRangesOnly() {
    assertThat(Validators.ssn("123-45-6789")).isTrue();
    assertThat(Validators.ssn("123 45 6789")).isTrue();
    assertThat(Validators.ssn("899456789")).isTrue();
    assertThat(Validators.ssn("000-45-6789")).as("area 000").isFalse();
    assertThat(Validators.ssn("666-45-6789")).as("area 666").isFalse();
    assertThat(Validators.ssn("900-45-6789")).as("area 9xx").isFalse();
    assertThat(Validators.ssn("123-00-6789")).as("group 00").isFalse();
    assertThat(Validators.ssn("123-45-0000")).as("serial 0000").isFalse();
    assertThat(Validators.ssn("123-45-678")).isFalse();
  }

  @Test
  void entropyMeasuresBitsPerCharacter() {
    assertThat(Validators.entropy("")).isZero();
    assertThat(Validators.entropy("aaaaaaaa")).isZero();
    assertThat(Validators.entropy("abababab")).isEqualTo(1.0);
    assertThat(Validators.entropy("0123456789abcdef")).isEqualTo(4.0);
  }

  @Test
  void plausibleSecretRejectsPlaceholdersIdentifiersAndLowEntropy() {
    assertThat(Validators.plausibleSecret("uhB6Ca8eBtwS4LO2nf")).isTrue();
    assertThat(Validators.plausibleSecret("7f6234b1e501bdb1147d2333035c1a3e")).isTrue();
    assertThat(Validators.plausibleSecret("YOUR_API_KEY")).isFalse();
    assertThat(Validators.plausibleSecret("${DB_PASSWORD}")).isFalse();
    assertThat(Validators.plausibleSecret("changeme123")).isFalse();
    assertThat(Validators.plausibleSecret("AutoTokenizer")).isFalse();
    assertThat(Validators.plausibleSecret("config.getApiKey")).isFalse();
    assertThat(Validators.plausibleSecret("/etc/ssl/private/server.key")).isFalse();
    assertThat(Validators.plausibleSecret("aaaaaaaa1")).isFalse();
    // Under a secret name a UUID is the secret: Heroku, Snyk and Splunk HEC tokens are UUIDs.
    assertThat(Validators.plausibleSecret("a4fc512f-5264-4b34-ae1d-8158494e1cbf")).isTrue();
    assertThat(Validators.plausibleSecret("two words")).isFalse();
  }

  @Test
  void aGithubTokenMustCarryTheChecksumOfItsRandomPart() {
    String body = "Q8m2Xv7LpR4tK9sN3wB6yH1cJ5dF0g";

    assertThat(Validators.githubChecksum("ghp_" + body + Validators.base62Crc32(body))).isTrue();
    assertThat(Validators.githubChecksum("ghp_" + body + "000000")).isFalse();
    assertThat(Validators.githubChecksum("ghs_" + "A".repeat(50))).as("no checksum form").isTrue();
    assertThat(Validators.base62Crc32("")).isEqualTo("000000");
  }
}
