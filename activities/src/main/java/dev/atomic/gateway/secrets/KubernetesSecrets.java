package dev.atomic.gateway.secrets;

import dev.atomic.gateway.Candidate;
import dev.atomic.gateway.Kind;
import dev.atomic.gateway.Validators;
import dev.atomic.platform.Utf8;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code kubernetes_secret_data}: the base64 values under {@code data:} of a Kubernetes
 * {@code Secret} manifest. Each value is decoded and scanned with the built-in rules, and with its
 * key as a name ({@code password: …}); when the decoded text holds a secret, the encoded value is
 * redacted whole, since a part of base64 would still decode.
 *
 * <p>The manifest is the YAML document around {@code kind: Secret} (between {@code ---} lines, at
 * most {@value #MAX_DOCUMENT} characters), so the cost per occurrence is bounded.
 */
final class KubernetesSecrets implements KeywordDetector {

  static final String RULE = "kubernetes_secret_data";

  static final int MAX_DOCUMENT = 64 * 1024;

  private static final Pattern DATA = Pattern.compile("(?m)^([ \\t]*)data:[ \\t]*\\r?$");

  private static final Pattern ENTRY =
      Pattern.compile(
          "\\G\\r?\\n([ \\t]+)([A-Za-z0-9_.-]{1,253}):[ \\t]+([A-Za-z0-9+/]{4,65536}={0,2})[ \\t]*(?=\\r?\\n|$)");

  @Override
  public List<String> keywords() {
    return List.of("kind: secret");
  }

  @Override
  public List<String> types() {
    return List.of(RULE);
  }

  @Override
  public int at(String text, int hit, Consumer<Candidate> out) {
    int from = Math.max(0, hit - MAX_DOCUMENT);
    int start = text.lastIndexOf("\n---", hit);
    start = start < from ? from : start + 4;
    int end = text.indexOf("\n---", hit);
    end = end < 0 ? Math.min(text.length(), hit + MAX_DOCUMENT) : Math.min(end, hit + MAX_DOCUMENT);
    // Every data: block of the region: a log line may hold several manifests without ---.
    Matcher data = DATA.matcher(text).region(start, end);
    while (data.find()) {
      int indent = data.group(1).length();
      Matcher entry = ENTRY.matcher(text).region(data.end(), end);
      while (entry.find()) {
        if (entry.group(1).length() <= indent) {
          break;
        }
        String key = entry.group(2);
        String encoded = entry.group(3);
        String decoded = decode(encoded);
        if (decoded != null && holdsSecret(key, decoded)) {
          out.accept(
              new Candidate(entry.start(3), entry.end(3), Kind.SECRET, RULE, SecretRule.VENDOR));
        }
      }
    }
    return end;
  }

  private static boolean holdsSecret(String key, String decoded) {
    String value = decoded.strip();
    if (Assignments.secretName(key)) {
      return !value.isEmpty() && !Allowlist.isWholePlaceholder(value);
    }
    boolean[] found = {false};
    SecretRules.builtIn().scan(decoded, candidate -> found[0] = true);
    return found[0];
  }

  private static String decode(String encoded) {
    byte[] bytes = Validators.base64(encoded);
    return bytes == null ? null : Utf8.decodeOrNull(bytes);
  }
}
