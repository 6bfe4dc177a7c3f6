package dev.atomic.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One synthetic sample per built-in rule type: a line of developer content in which that rule must
 * find a redaction. For tests that push every kind of sensitive value through an endpoint or a log
 * and check that none comes out in clear.
 *
 * <p>The values are generated at run time from a fixed seed — random characters in each vendor's
 * format, checksums computed — so no credential-like literal is written in the sources, and no
 * sample is a real credential.
 */
public final class RuleSamples {

  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final String HEX = "0123456789abcdef";
  private static final String ALNUM = UPPER + LOWER + DIGITS;
  private static final String URL_SAFE = ALNUM + "-_";
  private static final String BASE64 = ALNUM + "+/";

  private static final Map<String, String> ALL = build();

  private RuleSamples() {}

  /** Rule type to sample text, for every built-in secret and PII rule, in a stable order. */
  public static Map<String, String> all() {
    return ALL;
  }

  private static Map<String, String> build() {
    Gen g = new Gen(20261128L);
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "aws_access_key",
        "AWS_ACCESS_KEY_ID=" + "AKIA" + g.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16));
    m.put("aws_secret_key", "aws_secret_access_key = " + g.pick(BASE64, 40));
    m.put("aws_session_token", "AWS_SESSION_TOKEN=" + "IQoJb3JpZ2luX2Vj" + g.pick(BASE64, 300));
    m.put(
        "google_api_key",
        "https://maps.googleapis.com/maps/api/js?key=" + "AI" + "za" + g.pick(URL_SAFE, 35));
    m.put(
        "google_oauth_client_secret",
        "\"client_secret\": \"" + "GOCSPX" + "-" + g.pick(URL_SAFE, 28) + "\"");
    m.put("google_oauth_token", "access_token=" + "ya29" + "." + g.pick(URL_SAFE, 120));
    m.put("google_refresh_token", "GOOGLE_REFRESH=" + "1//0" + g.pick(URL_SAFE, 90));
    m.put(
        "azure_storage_key",
        "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey="
            + g.pick(BASE64, 86)
            + "==;EndpointSuffix=core.windows.net");
    m.put(
        "azure_shared_access_key",
        "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;"
            + "SharedAccessKey="
            + g.pick(BASE64, 43)
            + "=");
    m.put(
        "azure_sas_token",
        "https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=o&sp=r&sig="
            + g.pick(ALNUM, 43)
            + "%3D");
    m.put(
        "azure_ad_client_secret",
        "AZURE_CLIENT_SECRET=" + g.pick(ALNUM, 3) + "8Q~" + g.pick(ALNUM + "_~.-", 34));
    m.put("alibaba_access_key", "ALIBABA_CLOUD_ACCESS_KEY_ID=" + "LTAI" + g.pick(ALNUM, 20));
    m.put("digitalocean_token", "DIGITALOCEAN_TOKEN=" + "dop_v1_" + g.pick(HEX, 64));
    String githubBody = g.pick(ALNUM, 30);
    m.put(
        "github_token",
        "GITHUB_TOKEN=" + "ghp" + "_" + githubBody + Validators.base62Crc32(githubBody));
    m.put(
        "github_pat",
        "gh auth login --with-token <<< "
            + "github_pat"
            + "_11"
            + g.pick(UPPER + DIGITS, 20)
            + "_"
            + g.pick(ALNUM, 59));
    m.put(
        "gitlab_token",
        "curl --header \"PRIVATE-TOKEN: " + "glpat" + "-" + g.pick(URL_SAFE, 20) + "\"");
    m.put("gitlab_runner_token", "token = \"" + "glrt" + "-" + g.pick(URL_SAFE, 20) + "\"");
    m.put("gitlab_deploy_token", "CI_DEPLOY=" + "gldt" + "-" + g.pick(URL_SAFE, 20));
    m.put("gitlab_pipeline_trigger_token", "-F token=" + "glptt" + "-" + g.pick(HEX, 40));
    m.put("bitbucket_app_password", "BITBUCKET_APP_PASSWORD=" + "ATBB" + g.pick(ALNUM, 32));
    m.put("atlassian_api_token", "JIRA_API_TOKEN=" + "ATATT3" + g.pick(URL_SAFE + "=", 186));
    m.put("npm_token", "//registry.npmjs.org/:_authToken=" + "npm" + "_" + g.pick(ALNUM, 36));
    m.put(
        "pypi_token",
        "twine upload -u __token__ -p " + "pypi-AgEIcHlwaS5vcmc" + g.pick(URL_SAFE, 150));
    m.put(
        "nuget_api_key",
        "dotnet nuget push pkg.nupkg --api-key " + "oy2" + g.pick(LOWER + DIGITS, 43));
    m.put("rubygems_api_key", "GEM_HOST_API_KEY=" + "rubygems" + "_" + g.pick(HEX, 48));
    m.put(
        "dockerhub_pat",
        "echo "
            + "dckr_pat"
            + "_"
            + g.pick(URL_SAFE, 27)
            + " | docker login -u ci --password-stdin");
    m.put("artifactory_token", "ARTIFACTORY_API_KEY=" + "AKCp" + g.pick(ALNUM, 69));
    m.put(
        "terraform_cloud_token",
        "token = \"" + g.pick(ALNUM, 14) + ".atlasv1." + g.pick(ALNUM, 67) + "\"");
    m.put("vault_token", "VAULT_TOKEN=" + "hvs" + "." + g.pick(URL_SAFE, 90));
    m.put("pulumi_token", "PULUMI_ACCESS_TOKEN=" + "pul" + "-" + g.pick(HEX, 40));
    m.put("doppler_token", "DOPPLER_TOKEN=" + "dp.pt." + g.pick(ALNUM, 43));
    m.put("databricks_token", "DATABRICKS_TOKEN=" + "dapi" + g.pick(HEX, 32));
    m.put("supabase_token", "SUPABASE_ACCESS_TOKEN=" + "sbp" + "_" + g.pick(HEX, 40));
    m.put("planetscale_token", "PLANETSCALE_PASSWORD=" + "pscale_pw" + "_" + g.pick(ALNUM, 43));
    m.put("age_secret_key", "AGE-SECRET-KEY-1" + g.pick("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58));
    m.put("shopify_token", "SHOPIFY_ACCESS_TOKEN=" + "shpat" + "_" + g.pick(HEX, 32));
    m.put("sentry_token", "SENTRY_AUTH_TOKEN=" + "sntryu" + "_" + g.pick(HEX, 64));
    m.put("newrelic_key", "NEW_RELIC_API_KEY=" + "NRAK" + "-" + g.pick(UPPER + DIGITS, 27));
    m.put(
        "grafana_token",
        "GRAFANA_TOKEN=" + "glsa" + "_" + g.pick(ALNUM, 32) + "_" + g.pick(HEX, 8));
    m.put("datadog_api_key", "DD_API_KEY=" + g.pick(HEX, 32));
    m.put("linear_api_key", "LINEAR_API_KEY=" + "lin_api" + "_" + g.pick(ALNUM, 40));
    m.put("notion_token", "NOTION_TOKEN=" + "ntn" + "_" + g.pick(DIGITS, 11) + g.pick(ALNUM, 35));
    m.put("airtable_pat", "AIRTABLE_TOKEN=" + "pat" + g.pick(ALNUM, 14) + "." + g.pick(HEX, 64));
    m.put("figma_pat", "X-Figma-Token: " + "figd" + "_" + g.pick(URL_SAFE, 40));
    m.put(
        "postman_api_key", "X-Api-Key: " + "PMAK" + "-" + g.pick(HEX, 24) + "-" + g.pick(HEX, 34));
    m.put("hubspot_token", "HUBSPOT_TOKEN=" + "pat-na1-" + g.uuid());
    m.put("contentful_pat", "CONTENTFUL_MANAGEMENT_TOKEN=" + "CFPAT" + "-" + g.pick(URL_SAFE, 43));
    m.put(
        "mapbox_secret_token",
        "MAPBOX_DOWNLOADS_TOKEN=" + "sk" + ".eyJ" + g.pick(ALNUM, 60) + "." + g.pick(ALNUM, 22));
    m.put("dropbox_token", "DROPBOX_TOKEN=" + "sl" + "." + g.pick(URL_SAFE, 140));
    m.put(
        "typeform_token",
        "TYPEFORM_TOKEN=" + "tfp" + "_" + g.pick(ALNUM, 44) + "_" + g.pick(ALNUM, 14));
    m.put(
        "cloudflare_origin_ca_key",
        "CF_ORIGIN_CA_KEY=" + "v1.0" + "-" + g.pick(HEX, 24) + "-" + g.pick(HEX, 146));
    m.put("okta_api_token", "OKTA_API_TOKEN=" + "00" + g.pick(URL_SAFE, 40));
    m.put(
        "slack_token",
        "SLACK_BOT_TOKEN="
            + "xox"
            + "b-"
            + g.pick(DIGITS, 12)
            + "-"
            + g.pick(DIGITS, 13)
            + "-"
            + g.pick(ALNUM, 24));
    m.put("slack_config_token", "SLACK_CONFIG_TOKEN=" + "xox" + "e.xoxp-1-" + g.pick(ALNUM, 140));
    m.put(
        "slack_app_token",
        "SLACK_APP_TOKEN="
            + "xapp"
            + "-1-A"
            + g.pick(UPPER + DIGITS, 10)
            + "-"
            + g.pick(DIGITS, 13)
            + "-"
            + g.pick(HEX, 64));
    m.put(
        "slack_webhook",
        "webhook: https://hooks.slack.com/services/T"
            + g.pick(UPPER + DIGITS, 8)
            + "/B"
            + g.pick(UPPER + DIGITS, 8)
            + "/"
            + g.pick(ALNUM, 24));
    m.put(
        "discord_webhook",
        "DISCORD_WEBHOOK=https://discord.com/api/webhooks/"
            + g.pick(DIGITS, 18)
            + "/"
            + g.pick(URL_SAFE, 68));
    m.put(
        "discord_bot_token",
        "DISCORD_BOT_TOKEN="
            + "M"
            + g.pick(ALNUM, 23)
            + "."
            + g.pick(URL_SAFE, 6)
            + "."
            + g.pick(URL_SAFE, 27));
    m.put(
        "telegram_bot_token",
        "https://api.telegram.org/bot"
            + g.pick(DIGITS, 10)
            + ":AA"
            + g.pick(URL_SAFE, 33)
            + "/sendMessage");
    m.put(
        "teams_webhook",
        "TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/"
            + g.uuid()
            + "@"
            + g.uuid()
            + "/IncomingWebhook/"
            + g.pick(HEX, 32)
            + "/"
            + g.uuid());
    m.put("stripe_key", "STRIPE_SECRET_KEY=" + "sk" + "_live_" + g.pick(ALNUM, 24));
    m.put("stripe_webhook_secret", "STRIPE_WEBHOOK_SECRET=" + "whsec" + "_" + g.pick(ALNUM, 32));
    m.put("square_token", "SQUARE_APPLICATION_SECRET=" + "sq0csp" + "-" + g.pick(URL_SAFE, 43));
    m.put(
        "braintree_access_token",
        "BRAINTREE_TOKEN="
            + "access_token$production$"
            + g.pick(LOWER + DIGITS, 16)
            + "$"
            + g.pick(HEX, 32));
    m.put(
        "openai_key",
        "OPENAI_API_KEY="
            + "sk"
            + "-proj-"
            + g.pick(URL_SAFE, 74)
            + "T3Blbk"
            + "FJ"
            + g.pick(URL_SAFE, 74));
    m.put("anthropic_key", "x-api-key: " + "sk-ant" + "-api03-" + g.pick(URL_SAFE, 93) + "AA");
    m.put(
        "anthropic_admin_key",
        "ANTHROPIC_ADMIN_KEY=" + "sk-ant" + "-admin01-" + g.pick(URL_SAFE, 93) + "AA");
    m.put("huggingface_token", "HF_TOKEN=" + "hf" + "_" + g.pick(UPPER + LOWER, 34));
    m.put("groq_api_key", "GROQ_API_KEY=" + "gsk" + "_" + g.pick(ALNUM, 52));
    m.put("replicate_token", "REPLICATE_API_TOKEN=" + "r8" + "_" + g.pick(ALNUM, 37));
    m.put("perplexity_key", "PPLX_API_KEY=" + "pplx" + "-" + g.pick(ALNUM, 48));
    m.put(
        "langsmith_key",
        "LANGSMITH_API_KEY=" + "lsv2_pt" + "_" + g.pick(HEX, 32) + "_" + g.pick(HEX, 10));
    m.put(
        "sendgrid_key",
        "SENDGRID_API_KEY=" + "SG" + "." + g.pick(URL_SAFE, 22) + "." + g.pick(URL_SAFE, 43));
    m.put("twilio_key", "client = Client(\"" + "SK" + g.pick(HEX, 32) + "\", secret)");
    m.put("twilio_auth_token", "TWILIO_AUTH_TOKEN=" + g.pick(HEX, 32));
    m.put("mailgun_api_key", "api:" + "key" + "-" + g.pick(HEX, 32));
    m.put("mailchimp_api_key", "MAILCHIMP_KEY=" + g.pick(HEX, 32) + "-us14");
    m.put(
        "brevo_api_key",
        "BREVO_API_KEY=" + "xkeysib" + "-" + g.pick(HEX, 64) + "-" + g.pick(ALNUM, 16));
    m.put(
        "putty_private_key",
        "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n"
            + g.pick(BASE64, 64)
            + "\n"
            + g.pick(BASE64, 20)
            + "\nPrivate-Lines: 1\n"
            + g.pick(BASE64, 44)
            + "\nPrivate-MAC: "
            + g.pick(HEX, 64));
    m.put(
        "private_key_base64",
        "client-key-data: "
            + base64(
                "-----BEGIN "
                    + "PRIVATE KEY-----\n"
                    + g.pick(BASE64, 64)
                    + "\n-----END "
                    + "PRIVATE KEY-----\n"));
    m.put(
        "jwt",
        "SERVICE_JWT="
            + base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")
            + "."
            + base64Url("{\"sub\":\"" + g.pick(DIGITS, 7) + "\",\"iat\":1735689600}")
            + "."
            + g.pick(URL_SAFE, 43));
    m.put(
        "bearer_token",
        "curl -H \"Authorization: Bearer " + g.pick(ALNUM, 40) + "\" https://api.acme.io/v1/me");
    m.put("basic_auth", "Authorization: Basic " + base64("deploy:" + g.pick(ALNUM, 18)));
    m.put("generic_secret", "DB_PASSWORD='" + g.pick(ALNUM + "!*~-", 20) + "'");
    m.put(
        "private_key",
        "-----BEGIN "
            + "RSA PRIVATE KEY-----\n"
            + g.pick(BASE64, 64)
            + "\n"
            + g.pick(BASE64, 64)
            + "\n"
            + g.pick(BASE64, 20)
            + "==\n-----END "
            + "RSA PRIVATE KEY-----");
    m.put(
        "url_password",
        "DATABASE_URL=postgres://app:" + g.pick(ALNUM, 18) + "@db.acme.io:5432/orders");
    m.put("email", "reported by jane.doe@acme-corp.io on Monday");
    m.put("phone_us", "call (415) " + (200 + g.nextInt(800)) + "-" + g.pick(DIGITS, 4));
    m.put("phone_intl", "\"mobile\": \"+44 7" + g.pick(DIGITS, 3) + " " + g.pick(DIGITS, 6) + "\"");
    m.put(
        "ssn",
        "\"ssn\": \""
            + (100 + g.nextInt(500))
            + "-"
            + (10 + g.nextInt(89))
            + "-"
            + (1000 + g.nextInt(8999))
            + "\"");
    m.put("sonarqube_token", "sonar.login=" + "squ" + "_" + g.pick(HEX, 40));
    m.put(
        "circleci_token",
        "CIRCLE_TOKEN=" + "CCIPAT" + "_" + g.pick(ALNUM, 22) + "_" + g.pick(HEX, 40));
    m.put(
        "sourcegraph_token",
        "src login --token " + "sgp" + "_" + g.pick(HEX, 16) + "_" + g.pick(HEX, 40));
    m.put("octopus_api_key", "octo --apiKey " + "API" + "-" + g.pick(UPPER + DIGITS, 28));
    m.put(
        "infracost_api_key", "infracost configure set api_key " + "ico" + "-" + g.pick(ALNUM, 32));
    m.put("flyio_token", "flyctl deploy --access-token " + "fo1" + "_" + g.pick(URL_SAFE, 43));
    m.put(
        "render_api_key",
        "curl -H 'Accept: application/json' -u " + "rnd" + "_" + g.pick(ALNUM, 32) + ":");
    m.put("clojars_token", ":password \"" + "CLOJARS" + "_" + g.pick(LOWER + DIGITS, 60) + "\"");
    m.put("heroku_token", "heroku login -i # pasted " + "HRKU" + "-" + g.pick(URL_SAFE, 60));
    m.put(
        "onepassword_service_token",
        "OP_SERVICE_ACCOUNT_TOKEN=" + "ops" + "_eyJ" + g.pick(URL_SAFE, 180));
    m.put(
        "sidekiq_credentials",
        "BUNDLE_ENTERPRISE__CONTRIBSYS__COM=" + g.pick(HEX, 8) + ":" + g.pick(HEX, 8));
    m.put("laravel_app_key", "APP_KEY=" + "base64:" + g.pick(BASE64, 43) + "=");
    m.put("newrelic_license_key", "license_key: " + g.pick(HEX, 36) + "NRAL");
    m.put("facebook_access_token", "fb.setAccessToken(\"" + "EAA" + g.pick(ALNUM, 160) + "\")");
    m.put("openrouter_api_key", "OPENROUTER_API_KEY=" + "sk-or-v1" + "-" + g.pick(HEX, 64));
    m.put("flutterwave_secret_key", "FLW_SECRET_KEY=" + "FLWSECK" + "-" + g.pick(HEX, 32) + "-X");
    m.put(
        "dynatrace_token",
        "Api-Token "
            + "dt0c01"
            + "."
            + g.pick(UPPER + DIGITS, 24)
            + "."
            + g.pick(UPPER + DIGITS, 64));
    m.put("xai_api_key", "XAI_API_KEY=" + "xai" + "-" + g.pick(ALNUM, 80));
    m.put(
        "sentry_dsn_key",
        "SENTRY_DSN=https://"
            + g.pick(HEX, 32)
            + "@o"
            + (100000 + g.nextInt(899999))
            + ".ingest.sentry.io/"
            + (1000 + g.nextInt(8999)));
    m.put("tencent_secret_id", "TENCENTCLOUD_SECRET_ID=" + "AKID" + g.pick(ALNUM, 32));
    m.put(
        "kubernetes_secret_data",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\ntype: Opaque\ndata:\n"
            + "  connection: "
            + Base64.getEncoder()
                .encodeToString(
                    ("postgres://orders:" + g.pick(ALNUM, 20) + "@db.internal:5432/orders")
                        .getBytes(StandardCharsets.UTF_8))
            + "\n");
    m.put("credit_card", "card=" + g.card());
    m.put("iban", "\"iban\": \"" + g.iban() + "\"");
    m.put(
        "ip_address",
        "client "
            + (11 + g.nextInt(180))
            + "."
            + g.nextInt(256)
            + "."
            + g.nextInt(256)
            + "."
            + (1 + g.nextInt(254))
            + " exceeded 100 requests");
    return Collections.unmodifiableMap(m);
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String base64Url(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Seeded random characters and checksummed numbers. */
  private static final class Gen {
    private final SplittableRandom random;

    Gen(long seed) {
      random = new SplittableRandom(seed);
    }

    int nextInt(int bound) {
      return random.nextInt(bound);
    }

    String pick(String alphabet, int length) {
      StringBuilder s = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return s.toString();
    }

    String uuid() {
      return pick(HEX, 8)
          + "-"
          + pick(HEX, 4)
          + "-4"
          + pick(HEX, 3)
          + "-a"
          + pick(HEX, 3)
          + "-"
          + pick(HEX, 12);
    }

    /** A Luhn-valid Visa number, grouped by four. */
    String card() {
      String body = "4" + pick(DIGITS, 14);
      for (char check = '0'; check <= '9'; check++) {
        if (Validators.luhn(body + check)) {
          String n = body + check;
          return n.substring(0, 4)
              + " "
              + n.substring(4, 8)
              + " "
              + n.substring(8, 12)
              + " "
              + n.substring(12);
        }
      }
      throw new IllegalStateException();
    }

    /** A German IBAN with correct check digits. */
    String iban() {
      String bban = pick(DIGITS, 18);
      return "DE" + Validators.ibanCheckDigits("DE", bban) + bban;
    }
  }
}
