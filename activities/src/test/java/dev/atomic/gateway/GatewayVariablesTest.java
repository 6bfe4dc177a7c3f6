package dev.atomic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.config.Variables;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each gateway variable of docs/configuration.md, set as the environment would set it, changes what
 * preflight answers.
 */
class GatewayVariablesTest {

  private static final String TOKEN = "ghp_" + "Q8m2Xv7LpR4tK9sN3wB6yH1cJ5dF0g3GH63b";
  private static final String MAIL = "bob.smith@initech.io";

  private static Preflight preflight(Map<String, String> variables) {
    GatewayProperties properties =
        Variables.binder(variables).bind("atomic.gateway", GatewayProperties.class).get();
    return new Preflight(properties.toPolicy());
  }

  private static java.util.List<String> rules(PreflightResult result) {
    return result.violations().stream().map(PreflightResult.Violation::rule).toList();
  }

  private static java.util.List<String> redacted(PreflightResult result) {
    return result.redactions().stream().map(PreflightResult.RedactionView::type).toList();
  }

  @Test
  void maxRequestSizeIsTheLongestContentInCharacters() {
    Preflight tight = preflight(Map.of("MAX_REQUEST_SIZE", "20"));

    assertThat(tight.check("x".repeat(20), "copilot").ok()).isTrue();
    PreflightResult longer = tight.check("x".repeat(21), "copilot");
    assertThat(longer.ok()).isFalse();
    assertThat(rules(longer)).containsExactly("max_request_size");
    assertThat(preflight(Map.of()).check("x".repeat(21), "copilot").ok()).isTrue();
    assertThat(preflight(Map.of()).policy().maxRequestSize()).isEqualTo(10_485_760);
  }

  @Test
  void piiRedactionEnabledFalseLeavesPersonalDataAndStillRedactsSecrets() {
    String content = "mail " + MAIL + " token " + TOKEN;

    PreflightResult byDefault = preflight(Map.of()).check(content, "copilot");
    PreflightResult off =
        preflight(Map.of("PII_REDACTION_ENABLED", "false")).check(content, "copilot");

    assertThat(redacted(byDefault)).contains("pii", "secret");
    assertThat(byDefault.sanitizedContent()).doesNotContain(MAIL);
    assertThat(redacted(off)).containsExactly("secret");
    assertThat(off.sanitizedContent()).contains(MAIL).doesNotContain(TOKEN);
  }

  @Test
  void secretRedactionEnabledFalseLeavesSecretsAndStillRedactsPersonalData() {
    String content = "mail " + MAIL + " token " + TOKEN;

    PreflightResult off =
        preflight(Map.of("SECRET_REDACTION_ENABLED", "false")).check(content, "copilot");

    assertThat(redacted(off)).containsExactly("pii");
    assertThat(off.sanitizedContent()).contains(TOKEN).doesNotContain(MAIL);
  }

  @Test
  void proprietaryMarkersAreRedactedAsProprietary() {
    String content = "the Bluebird and Kestrel plans";

    PreflightResult marked =
        preflight(Map.of("PROPRIETARY_MARKERS", "Bluebird, Kestrel")).check(content, "copilot");

    assertThat(redacted(marked)).containsExactly("proprietary", "proprietary");
    assertThat(marked.sanitizedContent()).doesNotContain("Bluebird").doesNotContain("Kestrel");
    assertThat(preflight(Map.of()).check(content, "copilot").redactions()).isEmpty();
  }

  @Test
  void redactionAllowlistValuesAreNeverRedacted() {
    String content = "mail " + MAIL + " and alice.jones@initech.io";

    PreflightResult allowed =
        preflight(Map.of("REDACTION_ALLOWLIST", MAIL)).check(content, "copilot");

    assertThat(redacted(allowed)).containsExactly("pii");
    assertThat(allowed.sanitizedContent()).contains(MAIL).doesNotContain("alice.jones");
  }

  @ParameterizedTest
  @ValueSource(strings = {"copilot", "cursor", "windsurf", "openai", "anthropic"})
  void providerEnabledFalseRefusesThatProviderOnly(String provider) {
    String variable = provider.toUpperCase(Locale.ROOT) + "_ENABLED";
    Preflight disabled = preflight(Map.of(variable, "false"));

    assertThat(rules(disabled.check("hello", provider))).containsExactly("provider_disabled");
    assertThat(disabled.check("hello", provider).ok()).isFalse();
    String other = provider.equals("copilot") ? "cursor" : "copilot";
    assertThat(disabled.check("hello", other).ok()).isTrue();
    assertThat(preflight(Map.of()).check("hello", provider).ok()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"copilot", "cursor", "windsurf", "openai", "anthropic"})
  void providerSecretModeBlockRefusesContentWithASecret(String provider) {
    String variable = provider.toUpperCase(Locale.ROOT) + "_SECRET_MODE";
    Preflight blocking = preflight(Map.of(variable, "block"));

    PreflightResult blocked = blocking.check("token " + TOKEN, provider);
    PreflightResult redactedByDefault = preflight(Map.of()).check("token " + TOKEN, provider);

    assertThat(blocked.ok()).isFalse();
    assertThat(rules(blocked)).contains("secret_blocked");
    assertThat(redactedByDefault.ok()).isTrue();
    assertThat(redactedByDefault.sanitizedContent()).isEqualTo("token ***REDACTED_SECRET***");
  }
}
