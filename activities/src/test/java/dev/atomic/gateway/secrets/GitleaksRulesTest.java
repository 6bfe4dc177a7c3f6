package dev.atomic.gateway.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.gateway.CustomPattern;
import dev.atomic.gateway.GatewayProperties;
import dev.atomic.gateway.Preflight;
import dev.atomic.gateway.PreflightResult;
import dev.atomic.gateway.RedactionConfig;
import dev.atomic.gateway.RedactionEngine;
import dev.atomic.gateway.RedactionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitleaksRulesTest {

  /** A team's own rule set, in the format gitleaks reads. */
  private static final String RULES =
      """
      title = "acme rules"

      [extend]
      useDefault = true

      [[rules]]
      id = "acme-deploy-key"
      description = "ACME deploy keys"
      regex = '''(?i)acme[_-]?deploy[_-]?key\\s*[:=]\\s*["']?(adk_[a-z0-9]{24})'''
      secretGroup = 1
      entropy = 3.0
      keywords = ["acme"]

        [[rules.allowlists]]
        stopwords = ["adk_test"]

      [[rules]]
      id = "acme-session"
      regex = '''acmesess-[A-Za-z0-9]{16}'''
      keywords = ["acmesess-"]

        [rules.allowlist]
        regexTarget = "line"
        regexes = ['''^\\s*#''']

      [allowlist]
      description = "published fixtures"
      regexes = ['''acmesess-PUBLISHEDFIXTURE''']
      """;

  private static RedactionEngine engine(List<CustomPattern> rules) {
    return new RedactionEngine(RedactionConfig.builder().customPatterns(rules).build());
  }

  @Test
  void rulesWithGroupsEntropyKeywordsAndAllowlistsRedactWhatTheyDescribe() {
    RedactionEngine engine = engine(GitleaksRules.parse(RULES, ".gitleaks.toml"));
    String key = "adk_" + "q7w2e9r4t1y6u3i8o5p0a2s7";

    RedactionResult found = engine.scan("ACME_DEPLOY_KEY=\"" + key + "\"");

    assertThat(found.redactions())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rule()).isEqualTo("acme-deploy-key");
              assertThat(found.sanitized()).isEqualTo("ACME_DEPLOY_KEY=\"***REDACTED_SECRET***\"");
            });
    assertThat(engine.scan("acme_deploy_key: adk_test0000000000000000000").found())
        .as("stopword")
        .isFalse();
    assertThat(engine.scan("acme_deploy_key: adk_aaaaaaaaaaaaaaaaaaaaaaaa").found())
        .as("below the entropy floor")
        .isFalse();
    assertThat(engine.scan("session acmesess-" + "Zx81Qw72Er63Ty54").found()).isTrue();
    assertThat(engine.scan("  # acmesess-" + "Zx81Qw72Er63Ty54 in a comment").found())
        .as("line allowlist")
        .isFalse();
    assertThat(engine.scan("acmesess-PUBLISHEDFIXTURE").found()).as("global allowlist").isFalse();
  }

  @Test
  void theBuiltInRulesStayOnBesideTheFilesRules() {
    RedactionEngine engine = engine(GitleaksRules.parse(RULES, ".gitleaks.toml"));
    String token = "ghp_" + "6MYfM8BV102tBcwBXEHu9lU8p2Eg970NZ85h";

    assertThat(engine.scan("GITHUB_TOKEN=" + token).redactions())
        .extracting(r -> r.rule())
        .containsExactly("github_token");
  }

  @Test
  void aLookAroundIsRefusedNamingTheRule() {
    String rules =
        """
        [[rules]]
        id = "fine"
        regex = '''fine-[0-9]{8}'''

        [[rules]]
        id = "peeks-ahead"
        regex = '''token(?=[A-Z]{8})'''
        """;

    assertThatThrownBy(() -> GitleaksRules.parse(rules, "team.toml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("team.toml: rule 'peeks-ahead': regex is not valid RE2")
        .hasMessageContaining("look-around");
  }

  @Test
  void whatContentCannotHonourIsRefusedNotDropped() {
    assertThatThrownBy(
            () -> GitleaksRules.parse("[[rules]]\nid = \"x\"\npath = '''\\.pem$'''\n", "f"))
        .hasMessage(
            "f: rule 'x': path-only rules match file names, not content, and are not supported");
    assertThatThrownBy(
            () ->
                GitleaksRules.parse(
                    "[[rules]]\nid = \"x\"\nregex = 'a(b)'\nsecretGroup = 2\n", "f"))
        .hasMessage("f: rule 'x': secretGroup 2 but the regex has 1 group(s)");
    assertThatThrownBy(
            () ->
                GitleaksRules.parse(
                    "[[rules]]\nid = \"x\"\nregex = 'a'\n[rules.allowlist]\npaths = ['x']\n", "f"))
        .hasMessageContaining("rule 'x': allowlist 'paths' and 'commits'");
    assertThatThrownBy(() -> GitleaksRules.parse("[extend]\npath = 'base.toml'\n", "f"))
        .hasMessageStartingWith("f: [extend] path and url are not supported");
    assertThatThrownBy(() -> GitleaksRules.parse("[[rules]\nid=", "f"))
        .hasMessageStartingWith("f: not valid TOML");
    assertThatThrownBy(() -> GitleaksRules.parse("[[rules]]\nid = \"x\"\nregx = 'a'\n", "f"))
        .hasMessage("f: rule 'x': unknown key 'regx'");
  }

  @Test
  void aRuleFileConfiguredForThePlatformWorksThroughThePreflight(@TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve(".gitleaks.toml"), RULES);
    GatewayProperties properties =
        new GatewayProperties(1_000_000, true, true, null, null, null, null, file.toString());
    Preflight preflight = new Preflight(properties.toPolicy());

    PreflightResult result =
        preflight.check(
            "deploy with acme-deploy-key: adk_" + "q7w2e9r4t1y6u3i8o5p0a2s7", "copilot");

    assertThat(result.sanitizedContent())
        .isEqualTo("deploy with acme-deploy-key: ***REDACTED_SECRET***");
    GatewayProperties broken =
        new GatewayProperties(
            1_000_000, true, true, null, null, null, null, dir.resolve("missing.toml").toString());
    assertThatThrownBy(broken::toPolicy).hasMessageStartingWith("GATEWAY_RULES_FILE: cannot read");
  }
}
