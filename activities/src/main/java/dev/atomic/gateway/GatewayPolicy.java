package dev.atomic.gateway;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The preflight policies: what may leave the platform, and how.
 *
 * @param maxRequestSize the longest content accepted, in characters ({@code MAX_REQUEST_SIZE});
 *     longer content is refused with the violation {@code max_request_size}
 * @param secretRedaction {@code SECRET_REDACTION_ENABLED}
 * @param piiRedaction {@code PII_REDACTION_ENABLED}
 * @param providers per provider: enabled ({@code COPILOT_ENABLED}, …) and what a secret does
 *     ({@code COPILOT_SECRET_MODE}, …: {@code redact} or {@code block})
 */
public record GatewayPolicy(
    int maxRequestSize,
    boolean secretRedaction,
    boolean piiRedaction,
    Map<String, ProviderPolicy> providers,
    List<String> proprietaryMarkers,
    List<CustomPattern> customPatterns,
    List<String> allowlist) {

  /** What happens to content with a secret in it, for one provider. */
  public enum SecretMode {
    REDACT,
    BLOCK
  }

  public record ProviderPolicy(boolean enabled, SecretMode secrets) {}

  public GatewayPolicy {
    if (maxRequestSize <= 0) {
      throw new IllegalArgumentException("MAX_REQUEST_SIZE must be positive: " + maxRequestSize);
    }
    Map<String, ProviderPolicy> all = new TreeMap<>();
    for (String provider : Providers.ALL) {
      all.put(provider, new ProviderPolicy(true, SecretMode.REDACT));
    }
    if (providers != null) {
      providers.forEach((name, policy) -> all.put(Providers.require(name), policy));
    }
    providers = Map.copyOf(all);
    proprietaryMarkers = proprietaryMarkers == null ? List.of() : List.copyOf(proprietaryMarkers);
    customPatterns = customPatterns == null ? List.of() : List.copyOf(customPatterns);
    allowlist = allowlist == null ? List.of() : List.copyOf(allowlist);
  }

  /** Everything on, every provider enabled in redact mode, a 10 MiB limit. */
  public static GatewayPolicy defaults() {
    return new GatewayPolicy(
        10 * 1024 * 1024, true, true, Map.of(), List.of(), List.of(), List.of());
  }

  /** The engine configuration these policies ask for. */
  RedactionConfig redactionConfig() {
    RedactionConfig.Builder builder =
        RedactionConfig.builder()
            .secrets(secretRedaction)
            .pii(piiRedaction)
            .proprietaryMarkers(proprietaryMarkers)
            .customPatterns(customPatterns)
            .maxInputChars(maxRequestSize);
    allowlist.forEach(builder::allow);
    return builder.build();
  }
}
