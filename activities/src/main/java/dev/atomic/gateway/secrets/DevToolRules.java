package dev.atomic.gateway.secrets;

import static dev.atomic.gateway.secrets.SecretRule.keyed;
import static dev.atomic.gateway.secrets.SecretRule.prefixed;
import static dev.atomic.gateway.secrets.SecretRules.ASSIGN;
import static dev.atomic.gateway.secrets.SecretRules.B;
import static dev.atomic.gateway.secrets.SecretRules.E;
import static dev.atomic.gateway.secrets.SecretRules.E_DASH;

import dev.atomic.gateway.Validators;
import java.util.List;

/**
 * Credentials of developer platforms: source hosts, package registries, CI and infrastructure
 * services, observability and productivity tools. Each follows the vendor's documented token prefix
 * and alphabet.
 */
final class DevToolRules {

  private DevToolRules() {}

  static List<SecretRule> all() {
    return List.of(
        // ghp_ classic personal, gho_ OAuth, ghu_ user-to-server, ghs_ server-to-server, ghr_
        // refresh.
        prefixed(
                "github_token",
                B + "(?:gh[pour]_[A-Za-z0-9]{36}|ghs_[A-Za-z0-9]{36,251})" + E,
                255,
                "ghp_",
                "gho_",
                "ghu_",
                "ghs_",
                "ghr_")
            .withCheck(v -> Validators.plausibleToken(v) && Validators.githubChecksum(v)),
        prefixed(
            "github_pat", B + "github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}" + E, 93, "github_pat_"),
        prefixed(
            "gitlab_token",
            B
                + "gl(?:pat|soat|ffct|imt|oas|agent)-(?:[A-Za-z0-9_-]{20}|[A-Za-z0-9_-]{27,64})(?:\\.[0-9a-z]{2}\\.[A-Za-z0-9_-]{9,})?"
                + E_DASH,
            120,
            "glpat-",
            "glsoat-",
            "glffct-",
            "glimt-",
            "gloas-",
            "glagent-"),
        prefixed(
            "gitlab_runner_token",
            B + "(?:glrt-[A-Za-z0-9_-]{20,64}|GR1348941[A-Za-z0-9_-]{20})" + E_DASH,
            70,
            "glrt-",
            "gr1348941"),
        prefixed("gitlab_deploy_token", B + "gldt-[A-Za-z0-9_-]{20,64}" + E_DASH, 70, "gldt-"),
        prefixed("gitlab_pipeline_trigger_token", B + "glptt-[a-f0-9]{40}" + E, 46, "glptt-"),
        prefixed("bitbucket_app_password", B + "ATBB[A-Za-z0-9_=.-]{32}" + E_DASH, 36, "atbb"),
        prefixed("atlassian_api_token", B + "ATATT3[A-Za-z0-9_=-]{150,250}+", 256, "atatt3"),
        prefixed("npm_token", B + "npm_[A-Za-z0-9]{36}" + E, 40, "npm_"),
        // PyPI tokens are macaroons whose base64 starts with the issuing host, pypi.org or
        // test.pypi.org.
        prefixed(
            "pypi_token",
            B + "pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}+",
            1030,
            "pypi-age"),
        prefixed("nuget_api_key", B + "oy2[a-z0-9]{43}" + E, 46, "oy2"),
        prefixed("rubygems_api_key", B + "rubygems_[a-f0-9]{48}" + E, 57, "rubygems_"),
        prefixed(
            "dockerhub_pat",
            B + "dckr_(?:pat_[A-Za-z0-9_-]{27}|oat_[A-Za-z0-9_-]{27,32})" + E_DASH,
            42,
            "dckr_"),
        prefixed(
            "artifactory_token",
            B + "(?:AKCp[A-Za-z0-9]{69}|cmVmdGtuOjAxOj[A-Za-z0-9]{40,80})" + E,
            100,
            "akcp",
            "cmvmdgtuojaxoj"),
        keyed(
            "terraform_cloud_token",
            B + "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}" + E_DASH,
            15,
            90,
            "atlasv1"),
        prefixed("vault_token", B + "hv[sb]\\.[A-Za-z0-9_-]{24,400}+", 405, "hvs.", "hvb."),
        prefixed("pulumi_token", B + "pul-[a-f0-9]{40}" + E, 44, "pul-"),
        prefixed(
            "doppler_token",
            B + "dp\\.(?:pt|st|sa|ct|scim|audit)\\.(?:[a-z0-9_-]{2,35}\\.)?[A-Za-z0-9]{40,44}" + E,
            55,
            "dp."),
        prefixed("databricks_token", B + "dapi[a-f0-9]{32}(?:-[0-9])?" + E, 38, "dapi"),
        prefixed(
            "supabase_token",
            B + "(?:sbp_[a-f0-9]{40}|sb_secret_[A-Za-z0-9_-]{30,64})" + E_DASH,
            75,
            "sbp_",
            "sb_secret_"),
        prefixed(
            "planetscale_token",
            B + "pscale_(?:pw|tkn|oauth)_[A-Za-z0-9_.-]{32,64}+",
            75,
            "pscale_"),
        prefixed(
            "age_secret_key",
            "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}" + E,
            74,
            "age-secret-key-1"),
        prefixed(
            "shopify_token",
            B + "shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}" + E,
            38,
            "shpat_",
            "shpss_",
            "shpca_",
            "shppa_"),
        prefixed(
            "sentry_token",
            B + "(?:sntrys_[A-Za-z0-9+/=_]{40,400}+|sntryu_[a-f0-9]{64})",
            410,
            "sntrys_",
            "sntryu_"),
        prefixed(
            "newrelic_key",
            B + "NR(?:AK-[A-Z0-9]{27}|II-[A-Za-z0-9_-]{32}|JS-[a-f0-9]{19})" + E_DASH,
            37,
            "nrak-",
            "nrii-",
            "nrjs-"),
        prefixed(
            "grafana_token",
            B + "(?:glc_[A-Za-z0-9+/]{32,400}+={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})",
            410,
            "glc_",
            "glsa_"),
        keyed(
            "datadog_api_key",
            "(?i:(?:dd|datadog)[_-]?(?:api|app(?:lication)?)[_-]?key)"
                + ASSIGN
                + "(?<v>[a-f0-9]{32}(?:[a-f0-9]{8})?)"
                + E,
            10,
            120,
            "dd_api_key",
            "ddapikey",
            "dd-api-key",
            "dd_app_key",
            "ddappkey",
            "dd-app-key",
            "datadog_api_key",
            "datadogapikey",
            "datadog-api-key",
            "datadog_app",
            "datadog-app"),
        prefixed("linear_api_key", B + "lin_api_[A-Za-z0-9]{40}" + E, 48, "lin_api_"),
        prefixed(
            "notion_token",
            B + "(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})" + E,
            50,
            "secret_",
            "ntn_"),
        prefixed("airtable_pat", B + "pat[A-Za-z0-9]{14}\\.[a-f0-9]{64}" + E, 82, "pat"),
        prefixed("figma_pat", B + "figd_[A-Za-z0-9_-]{40,60}" + E_DASH, 66, "figd_"),
        prefixed("postman_api_key", B + "PMAK-[a-f0-9]{24}-[a-f0-9]{34}" + E, 64, "pmak-"),
        prefixed(
            "hubspot_token",
            B + "pat-(?:na|eu)1-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}" + E,
            44,
            "pat-na1-",
            "pat-eu1-"),
        prefixed("contentful_pat", B + "CFPAT-[A-Za-z0-9_-]{43}" + E_DASH, 49, "cfpat-"),
        prefixed(
            "mapbox_secret_token",
            B + "sk\\.eyJ[A-Za-z0-9_-]{20,400}+\\.[A-Za-z0-9_-]{20,100}+",
            510,
            "sk.eyj"),
        prefixed("dropbox_token", B + "sl\\.(?:u\\.)?[A-Za-z0-9_-]{130,1400}+", 1410, "sl."),
        prefixed("typeform_token", B + "tfp_[A-Za-z0-9_.=-]{40,80}+", 85, "tfp_"),
        prefixed(
            "cloudflare_origin_ca_key", B + "v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}" + E, 176, "v1.0-"),
        keyed(
            "okta_api_token",
            "(?i:okta[A-Za-z0-9_.-]{0,20}(?:token|key))"
                + ASSIGN
                + "(?<v>00[A-Za-z0-9_-]{40})"
                + E_DASH,
            0,
            110,
            "okta"),
        // SonarQube user (squ_), project (sqp_) and global analysis (sqa_) tokens: 40 hex.
        prefixed("sonarqube_token", B + "sq[upa]_[a-f0-9]{40}" + E, 44, "squ_", "sqp_", "sqa_"),
        prefixed("circleci_token", B + "CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}" + E, 70, "ccipat_"),
        prefixed("sourcegraph_token", B + "sgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40}" + E, 61, "sgp_"),
        prefixed("octopus_api_key", B + "API-[A-Z0-9]{25,32}" + E, 36, "api-"),
        prefixed("infracost_api_key", B + "ico-[A-Za-z0-9]{32}" + E, 36, "ico-"),
        prefixed("flyio_token", B + "fo1_[A-Za-z0-9_-]{43}" + E_DASH, 47, "fo1_"),
        prefixed("render_api_key", B + "rnd_[A-Za-z0-9]{32}" + E, 36, "rnd_"),
        prefixed("clojars_token", B + "CLOJARS_[a-z0-9]{60}" + E, 68, "clojars_"),
        prefixed("heroku_token", B + "HRKU-[A-Za-z0-9_-]{58,64}" + E_DASH, 69, "hrku-"),
        prefixed(
            "onepassword_service_token",
            B + "ops_eyJ[A-Za-z0-9_-]{100,2000}+" + E_DASH,
            2007,
            "ops_eyj"),
        // Sidekiq Enterprise and Pro credentials: two 8-hex halves, in Bundler's variable or the
        // gem source URL.
        keyed(
            "sidekiq_credentials",
            "(?i:contribsys__com)[ \\t]{0,8}[:=][ \\t]{0,8}[\"']?(?<v>[a-f0-9]{8}:[a-f0-9]{8})" + E,
            24,
            60,
            "contribsys"),
        keyed(
            "sidekiq_credentials",
            B + "(?<v>[a-f0-9]{8}:[a-f0-9]{8})@(?:enterprise|gems)\\.contribsys\\.com",
            40,
            30,
            "contribsys"),
        // Laravel's APP_KEY: the application's encryption key, base64 of 32 bytes, written with
        // its base64: prefix.
        prefixed("laravel_app_key", B + "base64:[A-Za-z0-9+/]{43}=" + E, 51, "base64:"));
  }
}
