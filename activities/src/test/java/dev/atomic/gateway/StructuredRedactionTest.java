package dev.atomic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StructuredRedactionTest {

  private static final String VALUE = "uhB6Ca8e" + "BtwS4LO2nf";
  private static final String SECRET = Kind.SECRET.placeholder();

  private final StructuredRedaction redaction = new StructuredRedaction(new RedactionEngine());

  @Test
  void aValueUnderASecretNameIsRedactedThoughNoTextRuleFindsItAlone() {
    assertThat(new RedactionEngine().scan(VALUE).found()).isFalse();

    assertThat(redaction.redact(Map.of("DB_PASSWORD", VALUE)))
        .isEqualTo(Map.of("DB_PASSWORD", SECRET));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "password",
        "DB_PASSWORD",
        "apiKey",
        "client-secret",
        "github.token",
        "passphrase"
      })
  void anyValueUnderASecretNameIsRedactedEvenALowEntropyOne(String name) {
    assertThat(redaction.redact(Map.of(name, "correct horse battery")))
        .isEqualTo(Map.of(name, SECRET));
  }

  @Test
  void namesAreSeenAtAnyDepthInListsAndInNameValuePairs() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("spring", Map.of("datasource", Map.of("password", VALUE, "url", "jdbc:h2:mem:x")));
    data.put("apiKeys", List.of(VALUE, VALUE + "2"));
    data.put(
        "env",
        List.of(
            Map.of("name", "HOME", "value", "/home/app"),
            Map.of("name", "DB_PASSWORD", "value", VALUE),
            Map.of("key", "stripe_secret", "value", VALUE)));
    List<StructuredRedaction.Finding> found = new ArrayList<>();

    Object clean = redaction.redact(data, "$", found::add);

    assertThat(clean.toString()).doesNotContain(VALUE).contains("/home/app", "jdbc:h2:mem:x");
    assertThat(found)
        .extracting(StructuredRedaction.Finding::path)
        .containsExactly(
            "$.spring.datasource.password",
            "$.apiKeys[0]",
            "$.apiKeys[1]",
            "$.env[1].value",
            "$.env[2].value");
    assertThat(found).extracting(StructuredRedaction.Finding::rule).containsOnly("generic_secret");
  }

  @Test
  void aNumberUnderASecretNameIsRedactedAndOtherNumbersStay() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("pin_password", 48213977);
    data.put("tokens", 1234);
    data.put("inputTokens", 77);

    assertThat(redaction.redact(data))
        .isEqualTo(Map.of("pin_password", SECRET, "tokens", 1234, "inputTokens", 77));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "",
        "${DB_PASSWORD}",
        "changeme",
        "<password>",
        "********",
        "xxxxxxxx",
        "vault:secret/db#password",
        "process.env.API_TOKEN",
        "***REDACTED_SECRET***"
      })
  void aWholePlaceholderOrReferenceStays(String value) {
    Map<String, Object> data = Map.of("password", value);

    assertThat(redaction.redact(data)).isSameAs(data);
  }

  @Test
  void aPlaceholderWordInsideARealValueNoLongerLetsItPass() {
    assertThat(redaction.redact(Map.of("password", "sample" + VALUE)))
        .isEqualTo(Map.of("password", SECRET));
  }

  @Test
  void namesThatAreNotSecretsKeepTheirValuesAndTextIsStillScanned() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("passwordFile", "/run/config/db");
    data.put("token_url", "https://auth.example.com/token");
    data.put("publicKey", VALUE);
    data.put("comment", "rotated: DB_PASSWORD=" + VALUE);

    @SuppressWarnings("unchecked")
    Map<String, Object> clean = (Map<String, Object>) redaction.redact(data);

    assertThat(clean)
        .containsEntry("passwordFile", "/run/config/db")
        .containsEntry("token_url", "https://auth.example.com/token")
        .containsEntry("publicKey", VALUE)
        .containsEntry("comment", "rotated: DB_PASSWORD=" + SECRET);
  }

  @Test
  void base64OfTextWithASecretIsRedactedWholeAndOtherBase64Stays() {
    String wrapped =
        java.util.Base64.getEncoder()
            .encodeToString(
                ("postgres://orders:" + VALUE + "@db:5432/orders")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String harmless =
        java.util.Base64.getEncoder()
            .encodeToString(
                "log-level=debug, region=eu-west-1"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<StructuredRedaction.Finding> found = new ArrayList<>();

    Object clean = redaction.redact(Map.of("blob", wrapped, "settings", harmless), "$", found::add);

    assertThat(clean).isEqualTo(Map.of("blob", SECRET, "settings", harmless));
    assertThat(found)
        .extracting(StructuredRedaction.Finding::rule)
        .containsExactly("base64_secret");
  }

  @Test
  void nothingFoundReturnsTheSameInstance() {
    Map<String, Object> data = Map.of("title", "Rename Validate", "batches", List.of(1, 2));

    assertThat(redaction.redact(data)).isSameAs(data);
  }

  @Test
  void aStringLongerThanTheEngineLimitIsScannedInSlices() {
    String filler = "x".repeat(RedactionConfig.DEFAULT_MAX_INPUT_CHARS);
    String text = filler + " DB_PASSWORD=" + VALUE + " " + filler;

    Object clean = redaction.redact(Map.of("log", text));

    assertThat(clean.toString()).doesNotContain(VALUE).contains(SECRET);
  }

  @Test
  void membersThatAreNotIdentifiersAreQuotedInThePath() {
    List<StructuredRedaction.Finding> found = new ArrayList<>();

    redaction.redact(Map.of("db.password", VALUE), "$", found::add);

    assertThat(found)
        .extracting(StructuredRedaction.Finding::path)
        .containsExactly("$['db.password']");
  }
}
