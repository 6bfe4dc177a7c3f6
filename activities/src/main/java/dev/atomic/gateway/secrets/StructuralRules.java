package dev.atomic.gateway.secrets;

import static dev.atomic.gateway.secrets.SecretRule.of;
import static dev.atomic.gateway.secrets.SecretRules.B;

import dev.atomic.gateway.Validators;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Credentials recognised by their structure rather than a vendor prefix: PuTTY and base64-wrapped
 * private keys, JWTs, HTTP authorization headers and passwords on database command lines. PEM
 * blocks and URL passwords have their own parsers ({@link PemBlocks}, {@link UrlPasswords}).
 */
final class StructuralRules {

  static final int HEADER = 2;

  private StructuralRules() {}

  static List<SecretRule> all() {
    return List.of(
        of(
                "putty_private_key",
                "PuTTY-User-Key-File-[0-9]: [^\\x00]{10,12000}?Private-MAC: [0-9a-f]{40,64}",
                0,
                12_100,
                SecretRule.VENDOR + 1,
                v -> true,
                "putty-user-key-file-")
            .anchor(),
        // A PEM private key, base64-encoded once more (kubeconfig client-key-data, Helm values).
        of(
                "private_key_base64",
                B + "LS0tLS1CRUdJTi[A-Za-z0-9+/=]{60,12000}+",
                0,
                12_100,
                SecretRule.VENDOR,
                StructuralRules::encodedPrivateKey,
                "ls0tls1crudjti")
            .anchor(),
        of(
                "jwt",
                B
                    + "eyJ[A-Za-z0-9_-]{5,2000}+\\.eyJ[A-Za-z0-9_-]{5,8000}+\\.[A-Za-z0-9_-]{0,2000}+",
                0,
                12_100,
                SecretRule.VENDOR,
                StructuralRules::jwt,
                "eyj")
            .anchor(),
        of(
                "bearer_token",
                "(?i:bearer)[ \\t]{1,4}(?<v>[A-Za-z0-9._~+/-]{16,4000}+=*)",
                0,
                4_100,
                HEADER,
                Validators::plausibleSecret,
                "bearer")
            .anchor(),
        of(
                "basic_auth",
                "(?i:basic)[ \\t]{1,4}(?<v>[A-Za-z0-9+/]{8,400}+={0,2})(?![A-Za-z0-9+/=])",
                0,
                420,
                HEADER,
                StructuralRules::basicCredentials,
                "basic")
            .anchor(),
        // mysql -u app -p'secret', sshpass -p secret: the password glued to or after -p.
        of(
                "generic_secret",
                "\\b(?:mysql(?:dump|admin|sh)?|mariadb|sshpass|(?:docker|podman|nerdctl)[ \\t]+login|nuget)\\b[^\\n]{0,200}?[ \\t](?:-p|--password)[ \\t=]?(['\"]?)(?<v>[^\\s'\"]{4,128})\\1(?![^\\s'\"])",
                0,
                400,
                SecretRule.CONTEXT,
                Validators::plausibleSecret,
                "mysql",
                "mariadb",
                "sshpass",
                "docker",
                "podman",
                "nerdctl",
                "nuget")
            .anchor(),
        // curl -u user:secret, --user user:secret: the part after the colon.
        of(
                "generic_secret",
                "\\bcurl\\b[^\\n]{0,300}?[ \\t](?:-u|--user)[ \\t]+(['\"]?)[^\\s:'\"]{1,64}:(?<v>[^\\s'\"]{4,128})\\1(?![^\\s'\"])",
                0,
                500,
                SecretRule.CONTEXT,
                Validators::plausibleSecret,
                "curl")
            .anchor(),
        // redis-cli -a secret.
        of(
                "generic_secret",
                "\\bredis-cli\\b[^\\n]{0,200}?[ \\t](?:-a|--pass)[ \\t]+(['\"]?)(?<v>[^\\s'\"]{4,128})\\1(?![^\\s'\"])",
                0,
                400,
                SecretRule.CONTEXT,
                Validators::plausibleSecret,
                "redis-cli")
            .anchor(),
        // Authorization: token …, GenieKey …, ApiKey …: schemes other than Bearer and Basic.
        of(
                "bearer_token",
                "(?i:authorization)[\"']?[ \\t]{0,4}[:=,][ \\t]{0,4}[\"']?(?i:token|geniekey|apikey|api-key|sso-key|key)[ \\t]{1,4}(?<v>[A-Za-z0-9._~+/:-]{16,4000}+=*)",
                0,
                4_100,
                HEADER,
                Validators::plausibleSecret,
                "authorization")
            .anchor());
  }

  static boolean jwt(String token) {
    if (Allowlist.isDocumentedExample(token)) {
      return false;
    }
    byte[] header = Validators.base64(token.substring(0, token.indexOf('.')));
    return header != null && new String(header, StandardCharsets.UTF_8).contains("\"alg\"");
  }

  static boolean basicCredentials(String value) {
    byte[] decoded = Validators.base64(value);
    if (decoded == null || decoded.length < 3) {
      return false;
    }
    String text = new String(decoded, StandardCharsets.UTF_8);
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\uFFFD') {
        return false;
      }
    }
    return !Allowlist.isPlaceholder(text.substring(colon + 1));
  }

  static boolean encodedPrivateKey(String value) {
    byte[] decoded = Validators.base64(value.substring(0, value.length() - value.length() % 4));
    return decoded != null
        && new String(decoded, StandardCharsets.US_ASCII).contains("PRIVATE KEY");
  }
}
