package dev.atomic.gateway.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.gateway.RedactionConfig;
import dev.atomic.gateway.RedactionEngine;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Secrets identified by their name in the formats people keep them in, one case per format, and a
 * near miss beside each: the same shape with a placeholder, a reference or a name that is no
 * secret.
 */
class StructuredTextTest {

  private static final String VALUE = "uhB6Ca8e" + "BtwS4LO2nf";
  private static final String SECRET = "***REDACTED_SECRET***";

  private final RedactionEngine engine =
      new RedactionEngine(RedactionConfig.builder().pii(false).build());

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        // JSON, YAML, .env, properties
        "{\"database\": {\"password\": \"@\"}}",
        "spring:\n  datasource:\n    password: @\n",
        "DB_PASSWORD=@",
        "spring.datasource.password=@",
        // XML, web.config, nuget.config
        "<password>@</password>",
        "<add key=\"ClearTextPassword\" value=\"@\" />",
        "<setting name=\"ApiKey\" value=\"@\"/>",
        // INI and Terraform/HCL
        "[database]\npassword = @\n",
        "password = \"@\"",
        "variable \"db_password\" {\n  type      = string\n  default   = \"@\"\n  sensitive = true\n}",
        // Kubernetes env lists, .netrc, Docker config.json
        "env:\n  - name: STRIPE_SECRET\n    value: \"@\"\n",
        "machine registry.example.com\n  login ci\n  password @\n",
        // shell history
        "curl -u deploy:@ https://nexus.example.com/repository/",
        "curl -H \"Authorization: token @\" https://api.example.com/",
        "mysql -u etl -p'@' warehouse",
        "sshpass -p '@' ssh deploy.example.com",
        "docker login -u ci -p @ registry.example.com",
        "redis-cli -h cache -a @ info",
        // connection strings
        "Server=db;User Id=app;Password=@;",
      })
  void aValueUnderASecretNameIsRedacted(String template) {
    String text = template.replace("@", VALUE);

    String sanitized = engine.scan(text).sanitized();

    assertThat(sanitized).doesNotContain(VALUE).contains(SECRET);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "<add key=\"ClearTextPassword\" value=\"%NUGET_PASSWORD%\" />",
        "<add key=\"RedisPassword\" value=\"#{RedisPassword}#\" />",
        "<add key=\"Environment\" value=\"" + "Production2024xK" + "\" />",
        "variable \"db_password\" {\n  default = \"changeme\"\n}",
        "variable \"region\" {\n  default = \"" + "eu-west-1aZx9Qk" + "\"\n}",
        "env:\n  - name: LOG_LEVEL\n    value: \"" + "debugXk29Qa8z" + "\"\n",
        "env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: password}\n",
        "api_key: \"sk_live_****adkI\"",
        "redis_password: \"ENC[AES256_GCM,data:Jhg=,iv:0s9=,tag:mM8=,type:str]\"",
        "dd_api_key: !vault_ref data/datadog#api_key",
        "if (isToken(\"" + "Qw8e7R6t5Y4u3I2o1P0a" + "\")) {",
        "--- PASS: TestRejects/" + "gho_5TQ3hvlPy6xQp67DClKtTHq8gvfeqb0Xv2G" + " (0.00s)",
      })
  void aPlaceholderReferenceMaskOrNameThatIsNoSecretStays(String text) {
    assertThat(engine.scan(text).found()).as(text).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sample", "xxxx", "_here", "example", "dummy"})
  void aPlaceholderWordInsideARealValueNoLongerLetsItPass(String word) {
    String value = "Q8m2Xv7L" + word + "p4tK9sN3";

    assertThat(engine.scan("DB_PASSWORD=" + value).sanitized()).isEqualTo("DB_PASSWORD=" + SECRET);
    assertThat(engine.scan("DB_PASSWORD=your_password_here").found()).isFalse();
    assertThat(engine.scan("DB_PASSWORD=changeme123").found()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"connection", "password", "config.json"})
  void kubernetesSecretDataIsDecodedAndTheEncodedValueRedacted(String key) {
    String inside =
        switch (key) {
          case "password" -> VALUE;
          case "connection" -> "postgres://orders:" + VALUE + "@db:5432/orders";
          default -> "{\"auths\":{\"ghcr.io\":{\"password\":\"" + VALUE + "\"}}}";
        };
    String encoded = Base64.getEncoder().encodeToString(inside.getBytes(StandardCharsets.UTF_8));
    String manifest =
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  "
            + key
            + ": "
            + encoded
            + "\n  username: "
            + Base64.getEncoder().encodeToString("orders".getBytes(StandardCharsets.UTF_8))
            + "\n";

    String sanitized = engine.scan(manifest).sanitized();

    assertThat(sanitized)
        .doesNotContain(encoded)
        .contains(key + ": " + SECRET)
        .contains("username: b3JkZXJz");
  }

  @org.junit.jupiter.api.Test
  void everyManifestOfALogLineIsScannedEvenWithoutDocumentSeparators() {
    String encoded =
        Base64.getEncoder()
            .encodeToString(
                ("postgres://orders:" + VALUE + "@db/orders").getBytes(StandardCharsets.UTF_8));
    String manifest = "kind: Secret\ndata:\n  connection: " + encoded + "\n";
    String log = "applying\n" + manifest + "failed with: applying\n" + manifest;

    assertThat(engine.scan(log).sanitized()).doesNotContain(encoded);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ConfigMap", "Secret"})
  void dataThatHoldsNoSecretStays(String kind) {
    String encoded =
        Base64.getEncoder().encodeToString("log-level=debug".getBytes(StandardCharsets.UTF_8));
    String manifest = "apiVersion: v1\nkind: " + kind + "\ndata:\n  settings: " + encoded + "\n";

    assertThat(engine.scan(manifest).found()).isFalse();
  }
}
