package dev.atomic.gateway.secrets;

import static dev.atomic.gateway.secrets.SecretRule.keyed;
import static dev.atomic.gateway.secrets.SecretRule.prefixed;
import static dev.atomic.gateway.secrets.SecretRules.ASSIGN;
import static dev.atomic.gateway.secrets.SecretRules.B;
import static dev.atomic.gateway.secrets.SecretRules.E;
import static dev.atomic.gateway.secrets.SecretRules.E_DASH;

import java.util.List;

/** Credentials of chat, payment, AI, e-mail and SMS services. */
final class ServiceRules {

  private ServiceRules() {}

  static List<SecretRule> all() {
    return List.of(
        // xoxb- bot, xoxp- user, xoxa- app, xoxr- refresh, xoxs- session: numeric ids, then the
        // secret.
        prefixed(
            "slack_token",
            B + "xox[abprs]-(?:[0-9]{6,15}-){1,3}[0-9A-Za-z]{20,64}" + E_DASH,
            130,
            "xox"),
        prefixed(
            "slack_config_token", B + "xoxe(?:\\.xox[bp])?-1-[A-Za-z0-9]{100,400}+", 420, "xoxe"),
        prefixed(
            "slack_app_token",
            B + "xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,16}-[a-f0-9]{64}" + E,
            110,
            "xapp-"),
        keyed(
            "slack_webhook",
            "https://hooks\\.slack\\.com/(?:services|workflows|triggers)/T[A-Z0-9]{6,12}/[A-Z0-9]{6,14}/[A-Za-z0-9]{20,32}"
                + E,
            8,
            130,
            "hooks.slack.com/"),
        keyed(
            "discord_webhook",
            "https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,70}"
                + E_DASH,
            16,
            170,
            "discord"),
        keyed(
            "discord_bot_token",
            B + "[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}" + E_DASH,
            0,
            200,
            "discord"),
        // Bot id, a colon, then "AA" and 33 characters; "bot" may be glued in front in API URLs.
        keyed(
            "telegram_bot_token",
            "(?<![0-9])[0-9]{8,10}:AA[0-9A-Za-z_-]{33}" + E_DASH,
            11,
            40,
            ":aa"),
        keyed(
            "teams_webhook",
            "https://[a-z0-9-]{1,60}\\.webhook\\.office\\.com/webhookb2/[0-9a-f-]{36}@[0-9a-f-]{36}"
                + "/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36}(?:/[A-Za-z0-9_-]{10,80})?",
            70,
            300,
            "webhook.office.com"),
        prefixed(
            "stripe_key",
            B + "(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,247}" + E,
            255,
            "sk_live_",
            "sk_test_",
            "rk_live_",
            "rk_test_"),
        prefixed("stripe_webhook_secret", B + "whsec_[A-Za-z0-9+/=]{32,80}+", 86, "whsec_"),
        prefixed(
            "square_token",
            // "EAAA" also occurs inside base64, so that form must stand alone.
            "(?:(?<![A-Za-z0-9_+/-])EAAA[A-Za-z0-9_-]{60}|"
                + B
                + "sq0atp-[0-9A-Za-z_-]{22}|"
                + B
                + "sq0csp-[0-9A-Za-z_-]{43})"
                + E_DASH,
            64,
            "eaaa",
            "sq0atp-",
            "sq0csp-"),
        prefixed(
            "braintree_access_token",
            B + "access_token\\$production\\$[0-9a-z]{16}\\$[0-9a-f]{32}" + E,
            80,
            "access_token$production$"),
        // Project, service-account and admin keys; legacy keys carry "T3BlbkFJ" (base64 of
        // "OpenAI").
        prefixed(
            "openai_key",
            B
                + "sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}+|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}"
                + E
                + ")",
            260,
            "sk-"),
        prefixed(
            "anthropic_key",
            B + "sk-ant-(?:api|sid)[0-9]{2}-[A-Za-z0-9_-]{80,120}+",
            135,
            "sk-ant-"),
        prefixed(
            "anthropic_admin_key",
            B + "sk-ant-admin[0-9]{2}-[A-Za-z0-9_-]{80,120}+",
            135,
            "sk-ant-"),
        prefixed(
            "huggingface_token", B + "(?:hf_|api_org_)[A-Za-z0-9]{34}" + E, 42, "hf_", "api_org_"),
        prefixed("groq_api_key", B + "gsk_[A-Za-z0-9]{52}" + E, 56, "gsk_"),
        prefixed("replicate_token", B + "r8_[A-Za-z0-9]{37}" + E, 40, "r8_"),
        prefixed("perplexity_key", B + "pplx-[A-Za-z0-9]{48}" + E, 53, "pplx-"),
        prefixed("langsmith_key", B + "lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}" + E, 52, "lsv2_"),
        prefixed(
            "sendgrid_key", B + "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}" + E_DASH, 69, "sg."),
        prefixed("twilio_key", B + "SK[0-9a-fA-F]{32}" + E, 34, "sk"),
        keyed(
            "twilio_auth_token",
            "(?i:twilio[A-Za-z0-9_.-]{0,20}auth[_-]?token)" + ASSIGN + "(?<v>[a-f0-9]{32})" + E,
            0,
            120,
            "twilio"),
        prefixed("mailgun_api_key", B + "key-[a-f0-9]{32}" + E, 36, "key-"),
        keyed(
            "mailgun_api_key",
            "(?i:mailgun[A-Za-z0-9_.-]{0,20}(?:key|secret))"
                + ASSIGN
                + "(?<v>[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})"
                + E,
            0,
            130,
            "mailgun"),
        keyed("mailchimp_api_key", B + "[a-f0-9]{32}-us[0-9]{1,2}" + E, 32, 8, "-us"),
        prefixed("brevo_api_key", B + "xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}" + E, 89, "xkeysib-"),
        // New Relic license keys: 36 hex then NRAL.
        keyed("newrelic_license_key", B + "[a-f0-9]{36}NRAL" + E, 36, 4, "nral"),
        prefixed("facebook_access_token", B + "EAA[A-Za-z0-9]{90,400}" + E, 403, "eaa"),
        prefixed("openrouter_api_key", B + "sk-or-v1-[a-f0-9]{64}" + E, 73, "sk-or-v1-"),
        prefixed(
            "flutterwave_secret_key", B + "FLWSECK(?:_TEST)?-[a-f0-9]{32}-X" + E, 47, "flwseck"),
        prefixed("dynatrace_token", B + "dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64}" + E, 96, "dt0c01."),
        prefixed("xai_api_key", B + "xai-[A-Za-z0-9]{80}" + E, 84, "xai-"),
        // A Sentry DSN's user part is the project's key.
        keyed(
            "sentry_dsn_key",
            "https?://(?<v>[a-f0-9]{32})(?::[a-f0-9]{32})?@[A-Za-z0-9.-]{0,80}sentry\\.io",
            60,
            40,
            "sentry.io"));
  }
}
