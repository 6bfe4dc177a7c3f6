package dev.atomic.gateway.secrets;

import static dev.atomic.gateway.secrets.SecretRule.keyed;
import static dev.atomic.gateway.secrets.SecretRule.prefixed;
import static dev.atomic.gateway.secrets.SecretRules.ASSIGN;
import static dev.atomic.gateway.secrets.SecretRules.B;
import static dev.atomic.gateway.secrets.SecretRules.E;
import static dev.atomic.gateway.secrets.SecretRules.E_DASH;

import java.util.List;

/** Credentials of cloud providers: AWS, Google Cloud, Azure, Alibaba, DigitalOcean. */
final class CloudRules {

  private CloudRules() {}

  static List<SecretRule> all() {
    return List.of(
        // Access key ids are base32 after a four-letter type prefix: AKIA long-term, ASIA
        // temporary (STS), ABIA STS service bearer, ACCA context-specific.
        prefixed(
            "aws_access_key",
            B + "(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}" + E,
            20,
            "akia",
            "asia",
            "abia",
            "acca"),
        keyed(
            "aws_secret_key",
            "(?i:aws[_-]?secret(?:[_-]?access)?(?:[_-]?key)?|secret[_-]?access[_-]?key)"
                + ASSIGN
                + "(?<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
            8,
            100,
            "aws_secret",
            "awssecret",
            "aws-secret",
            "secret_access_key",
            "secretaccesskey",
            "secret-access-key"),
        // The secret written right after its key id, e.g. new BasicAWSCredentials("AKIA…", "…").
        keyed(
            "aws_secret_key",
            "(?:AKIA|ASIA)[A-Z2-7]{16}[\"']?[ \\t]{0,4}[,;:][ \\t]{0,4}[\"'](?<v>[A-Za-z0-9/+]{40})[\"']",
            0,
            100,
            "akia",
            "asia"),
        keyed(
            "aws_session_token",
            "(?i:aws[_-]?session[_-]?token|x-amz-security-token)"
                + ASSIGN
                + "(?<v>[A-Za-z0-9/+=]{100,1500}+)",
            4,
            1600,
            "session_token",
            "sessiontoken",
            "session-token",
            "x-amz-security-token"),
        prefixed("google_api_key", B + "AIza[0-9A-Za-z_-]{35}" + E_DASH, 39, "aiza"),
        prefixed(
            "google_oauth_client_secret", B + "GOCSPX-[0-9A-Za-z_-]{28}" + E_DASH, 35, "gocspx-"),
        prefixed("google_oauth_token", B + "ya29\\.[0-9A-Za-z_-]{20,2048}+", 2060, "ya29."),
        prefixed("google_refresh_token", B + "1//0[0-9A-Za-z_-]{40,512}+", 520, "1//0"),
        keyed(
            "azure_storage_key",
            "(?i:account[_-]?key|storage[_-]?(?:account[_-]?)?key)"
                + ASSIGN
                + "(?<v>[A-Za-z0-9+/]{86}==)",
            24,
            140,
            "accountkey",
            "account_key",
            "account-key",
            "storage_key",
            "storagekey",
            "storage-key"),
        keyed(
            "azure_shared_access_key",
            "(?i:SharedAccessKey)=(?<v>[A-Za-z0-9+/]{43}=)",
            0,
            70,
            "sharedaccesskey="),
        keyed("azure_sas_token", "[?&;]sig=(?<v>[A-Za-z0-9%+/]{40,120}+)", 1, 130, "sig=")
            .withCheck(v -> v.contains("%") || v.length() >= 43),
        // Entra ID client secrets carry "Q~" after a three-character id and a digit.
        keyed(
            "azure_ad_client_secret",
            B + "[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}+(?![A-Za-z0-9_~.-])",
            4,
            40,
            "q~"),
        prefixed("alibaba_access_key", B + "LTAI[A-Za-z0-9]{12,20}" + E, 24, "ltai"),
        prefixed(
            "digitalocean_token",
            B + "do[opr]_v1_[a-f0-9]{64}" + E,
            71,
            "dop_v1_",
            "doo_v1_",
            "dor_v1_"),
        // Tencent Cloud SecretId: AKID and 32 letters and digits.
        prefixed("tencent_secret_id", B + "AKID[A-Za-z0-9]{32}" + E, 36, "akid"));
  }
}
