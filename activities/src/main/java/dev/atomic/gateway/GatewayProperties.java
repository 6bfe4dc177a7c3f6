package dev.atomic.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code atomic.gateway.*}, bound from the documented variables in {@code atomic-common.yml}
 * (docs/configuration.md). Turned into a validated {@link GatewayPolicy} at start-up, so a bad
 * value stops the process with the setting named instead of failing a request later.
 */
@ConfigurationProperties("atomic.gateway")
public record GatewayProperties(
    @DefaultValue("10485760") int maxRequestSize,
    @DefaultValue("true") boolean secretRedaction,
    @DefaultValue("true") boolean piiRedaction,
    Map<String, Provider> providers,
    List<String> proprietaryMarkers,
    List<Pattern> customPatterns,
    List<String> allowlist,
    String rulesFile) {

  /** One provider: {@code <PROVIDER>_ENABLED}, {@code <PROVIDER>_SECRET_MODE}. */
  public record Provider(
      @DefaultValue("true") boolean enabled, @DefaultValue("redact") String secretMode) {}

  /**
   * A custom detector: a name, its kind ({@code secret}, {@code pii}, {@code proprietary}) and an
   * RE2 regex.
   */
  public record Pattern(String name, String kind, String regex) {}

  public GatewayPolicy toPolicy() {
    Map<String, GatewayPolicy.ProviderPolicy> policies = new LinkedHashMap<>();
    if (providers != null) {
      providers.forEach(
          (name, provider) -> {
            String mode =
                provider.secretMode() == null
                    ? "redact"
                    : provider.secretMode().strip().toLowerCase(Locale.ROOT);
            if (!mode.equals("redact") && !mode.equals("block")) {
              throw new IllegalArgumentException(
                  name.toUpperCase(Locale.ROOT)
                      + "_SECRET_MODE must be redact or block, not '"
                      + provider.secretMode()
                      + "'");
            }
            policies.put(
                name,
                new GatewayPolicy.ProviderPolicy(
                    provider.enabled(),
                    mode.equals("block")
                        ? GatewayPolicy.SecretMode.BLOCK
                        : GatewayPolicy.SecretMode.REDACT));
          });
    }
    List<CustomPattern> patterns = new ArrayList<>();
    if (customPatterns != null) {
      for (int i = 0; i < customPatterns.size(); i++) {
        Pattern pattern = customPatterns.get(i);
        try {
          patterns.add(
              new CustomPattern(pattern.name(), Kind.fromWire(pattern.kind()), pattern.regex()));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(
              "atomic.gateway.custom-patterns[" + i + "]: " + e.getMessage(), e);
        }
      }
    }
    if (rulesFile != null && !rulesFile.isBlank()) {
      try {
        patterns.addAll(
            dev.atomic.gateway.secrets.GitleaksRules.load(
                java.nio.file.Path.of(rulesFile.strip())));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("GATEWAY_RULES_FILE: " + e.getMessage(), e);
      }
    }
    List<String> markers =
        proprietaryMarkers == null
            ? List.of()
            : proprietaryMarkers.stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
    return new GatewayPolicy(
        maxRequestSize, secretRedaction, piiRedaction, policies, markers, patterns, allowlist);
  }
}
