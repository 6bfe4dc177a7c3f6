package dev.atomic.gateway.secrets;

import dev.atomic.gateway.Candidate;
import dev.atomic.gateway.Kind;
import java.util.List;
import java.util.function.Consumer;

/**
 * Private key blocks in PEM armour, whole: {@code -----BEGIN … PRIVATE KEY-----} to the matching
 * END line (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP), also when embedded in JSON with {@code
 * \n} escapes or indented in YAML. A block cut off before its END line is redacted from BEGIN to
 * the end of its base64 body. Public keys and certificates are not secrets.
 */
final class PemBlocks implements KeywordDetector {

  static final String RULE = "private_key";
  private static final String BEGIN = "-----BEGIN ";
  private static final int MAX_LABEL = 40;
  private static final int MAX_BODY = 20_000;

  @Override
  public List<String> keywords() {
    return List.of("-----begin ");
  }

  @Override
  public List<String> types() {
    return List.of(RULE);
  }

  @Override
  public int at(String text, int hit, Consumer<Candidate> out) {
    if (!text.startsWith(BEGIN, hit)) {
      return hit + 1;
    }
    int labelStart = hit + BEGIN.length();
    int labelEnd = text.indexOf("-----", labelStart);
    if (labelEnd < 0 || labelEnd - labelStart > MAX_LABEL) {
      return labelStart;
    }
    String label = text.substring(labelStart, labelEnd);
    if (!label.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ')
        || !(label.endsWith("PRIVATE KEY") || label.endsWith("PRIVATE KEY BLOCK"))) {
      return labelEnd;
    }
    int bodyStart = skipArmorHeaders(text, labelEnd + 5);
    String endLine = "-----END " + label + "-----";
    // Walk the block rather than search for its END line, so the cost is bounded by the block
    // itself even when BEGIN lines have no END.
    int j = bodyStart;
    while (j < text.length() && j - bodyStart <= MAX_BODY) {
      char c = text.charAt(j);
      if (c == '-' && text.startsWith(endLine, j)) {
        return emit(out, hit, j + endLine.length());
      }
      if (!isBlock(c)) {
        break;
      }
      j++;
    }
    int k = bodyStart;
    while (k < j && isBody(text.charAt(k))) {
      k++;
    }
    while (k > bodyStart && Character.isWhitespace(text.charAt(k - 1))) {
      k--;
    }
    if (k - bodyStart >= 64) {
      emit(out, hit, k);
    }
    return j;
  }

  /**
   * Skips OpenPGP armor headers ({@code Comment: Alice <alice@example.com>}, {@code Version: …}):
   * lines of a name, a colon and free text, right after the BEGIN line.
   */
  private static int skipArmorHeaders(String text, int at) {
    int i = at;
    if (i < text.length() && text.charAt(i) == '\r') {
      i++;
    }
    if (i >= text.length() || text.charAt(i) != '\n') {
      return at;
    }
    for (int lines = 0; lines < 8; lines++) {
      int start = i + 1;
      int colon = start;
      while (colon < text.length()
          && colon - start < 40
          && (Character.isLetter(text.charAt(colon)) || text.charAt(colon) == '-')) {
        colon++;
      }
      if (colon == start || !text.startsWith(": ", colon)) {
        return i;
      }
      int end = text.indexOf('\n', colon);
      if (end < 0 || end - colon > 200) {
        return i;
      }
      i = end;
    }
    return i;
  }

  private static int emit(Consumer<Candidate> out, int start, int end) {
    out.accept(new Candidate(start, end, Kind.SECRET, RULE, SecretRule.VENDOR + 1));
    return end;
  }

  private static final boolean[] BODY = new boolean[128];
  private static final boolean[] BLOCK = new boolean[128];

  static {
    String base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\\ \t\r\n";
    for (char c : base64.toCharArray()) {
      BODY[c] = true;
      BLOCK[c] = true;
    }
    // Headers (Proc-Type: 4,ENCRYPTED), quotes and escapes of keys embedded in JSON or code.
    for (char c : "-:,.()\"'_".toCharArray()) {
      BLOCK[c] = true;
    }
  }

  private static boolean isBlock(char c) {
    return c < 128 && BLOCK[c];
  }

  private static boolean isBody(char c) {
    return c < 128 && BODY[c];
  }
}
