package dev.atomic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values that resemble credentials or personal data and must come through unchanged. */
class LookAlikesTest {

  private final RedactionEngine engine = new RedactionEngine();

  private void assertUntouched(String text) {
    RedactionResult result = engine.scan(text);
    assertThat(result.redactions()).as(text).isEmpty();
    assertThat(result.sanitized()).isEqualTo(text);
  }

  @Test
  void documentedExampleKeysAreNotSecrets() {
    assertUntouched("AWS_ACCESS_KEY_ID=" + "AKIAIOSFODNN7" + "EXAMPLE");
    assertUntouched("aws_secret_access_key = " + "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY");
    assertUntouched("aws_access_key_id = " + "AKIAI44QH8DHB" + "EXAMPLE");
    assertUntouched("AWS_ACCESS_KEY_ID=AKIA" + "X".repeat(16));
    assertUntouched(
        "token = \"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0Ij"
            + "oxNTE2MjM5MDIyfQ."
            + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV"
            + "_adQssw5c\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "API_KEY=YOUR_API_KEY",
        "CLIENT_SECRET=<client-secret>",
        "DB_PASSWORD=${SECRET}",
        "      <password>${env.MAVEN_PASSWORD}</password>",
        "          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}",
        "SECRET_KEY = \"<token>\"",
        "password: \"{{ vault_db_password }}\"",
        "private static final String TOKEN_PLACEHOLDER = \"[REDACTED]\";",
        "DATABASE_URL=postgres://api:${DB_PASSWORD}@db.internal:5432/app",
        "api_key: ${env:STRIPE_KEY}",
        "password = \"changeme\"",
        "const apiKey = process.env.API_KEY;",
        "String apiKey = config.getApiKey();",
        "API_KEY = os.environ[\"API_KEY\"]",
        "token = None",
        "private final JPasswordField passwordField = new JPasswordField();",
        "resetPasswordToken = tokenService.generateResetPasswordToken();",
        "def get_api_key(self) -> str:",
        "if (!isValidApiKey(req.headers['x-api-key'])) {",
        "Authorization: Bearer <token>",
        "password: ********",
        "Invalid API Key provided: sk_live_********************NHC7",
        "Invalid API Key provided: xoxb-****",
        "ssl_key: /etc/ssl/private/server.key",
        "tokenizer = AutoTokenizer.from_pretrained(\"bert-base-uncased\")",
        "The Bearer authentication scheme is described in RFC 6750.",
      })
  void placeholdersReferencesAndCodeAreNotSecrets(String line) {
    assertUntouched(line);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UPDATE jobs SET finished_at = '2022-08-17T21:01:32.072Z' WHERE run_id = 'a4fc512f-5264-4b34-ae1d-8158494e1cbf';",
        "  uid: c8b926fa-fdae-4d7b-86ae-efabea87e845",
        "git checkout 63821061496f29438801e506d05e5c4d334af5c1",
        "BUILD_SHA=112ad6404015822849f39694b9cf3d51c6077bec",
        "image: ghcr.io/acme/order-sdk@sha256:c9e894ad6461fd9e23324e07a41d1e91edf6014710c70be09e6c2256713e106a",
        "CacheWarmup - loaded 36 entries (etag f1ef32c6a45443ebbf4e72bf27d8acba)",
        "Merge: 41ce34b2 3b78a69",
        "  \"private_key_id\": \"a7f11272008a6dea4e0bea03c6c9f93dddd0a78a\",",
        "\"integrity\": \"sha512-6fDLHWkUPuFt/oL09pLNDTYU+PHsU4/Y81FAAfb3OfATT7gc08chHi8a4yC/r8yAbc==\"",
        "<version>12.37.1</version>",
        "const createdAt = new Date(1676842617);",
        "private static final long serialVersionUID = -5053141243049834423L;",
        "INFO [sms] message AC8a4ba8bac49f2649e6bdec8d6bfaa717 delivered",
        "<img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAA4AAAAiCAYAAAA1FqUCxWxz\" alt=\"logo\"/>",
        "MAX_INT = 0x7FFFFFFF",
        "python -m http.server 4000 --bind 127.0.0.1",
      })
  void identifiersHashesAndNumbersAreNotRedacted(String line) {
    assertUntouched(line);
  }

  @Test
  void publicKeysAndCertificatesAreNotSecrets() {
    assertUntouched(
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzRHzH9hEfVQ\n-----END PUBLIC KEY-----");
    assertUntouched(
        "-----BEGIN CERTIFICATE-----\nMIIDXTCCAkWgAwIBAgIUYqe3yvLhjQdnPGZGVhDb4H\n-----END CERTIFICATE-----");
    assertUntouched(
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGPilwpAG/Cir3Fc8amEuQ+0z33CoOrRb7 app_user@build-agent");
  }
}
