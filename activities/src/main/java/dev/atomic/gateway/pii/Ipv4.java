package dev.atomic.gateway.pii;

/**
 * Dotted-quad IPv4 addresses that can identify a host or person. Not reported: loopback (127/8),
 * "this network" (0/8), multicast and reserved space (224 and up) — the {@code localhost}, {@code
 * 0.0.0.0} and broadcast addresses of configuration files — the link-local addresses (169.254/16),
 * the documentation ranges of RFC 5737 (192.0.2/24, 198.51.100/24, 203.0.113/24), networks ({@code
 * 172.16.0.0}, {@code 10.1.2.0/24}), and versions: after a product name ({@code Chrome/122.0.0.0})
 * or the word "version".
 */
final class Ipv4 {

  private Ipv4() {}

  /** End of the address starting at {@code i}, or -1. */
  static int match(String text, int i) {
    if (i >= 2 && text.charAt(i - 1) == '/' && Character.isLetterOrDigit(text.charAt(i - 2))) {
      return -1;
    }
    int j = i;
    int first = -1;
    for (int part = 0; part < 4; part++) {
      int start = j;
      int value = 0;
      while (j < text.length() && j - start < 3 && NumberDetector.isDigit(text.charAt(j))) {
        value = value * 10 + text.charAt(j) - '0';
        j++;
      }
      int len = j - start;
      if (len == 0 || value > 255 || len > 1 && text.charAt(start) == '0') {
        return -1;
      }
      if (part == 0) {
        first = value;
      }
      if (part < 3) {
        if (j >= text.length() || text.charAt(j) != '.') {
          return -1;
        }
        j++;
      }
    }
    if (!NumberDetector.rightBoundary(text, j)
        || j < text.length()
            && text.charAt(j) == '.'
            && j + 1 < text.length()
            && Character.isLetterOrDigit(text.charAt(j + 1))) {
      return -1;
    }
    String address = text.substring(i, j);
    boolean network = address.endsWith(".0.0") || j < text.length() && text.charAt(j) == '/';
    if (first == 0
        || first == 127
        || first >= 224
        || network
        || address.startsWith("169.254.")
        || documentation(address)
        || afterVersion(text, i)) {
      return -1;
    }
    return j;
  }

  /**
   * Four-part versions ({@code AssemblyVersion("4.0.0.1")}, {@code version 1.2.3.4}) look like
   * addresses.
   */
  private static boolean afterVersion(String text, int i) {
    int from = Math.max(0, i - 24);
    return text.substring(from, i).toLowerCase(java.util.Locale.ROOT).contains("version");
  }

  private static boolean documentation(String address) {
    return address.startsWith("192.0.2.")
        || address.startsWith("198.51.100.")
        || address.startsWith("203.0.113.");
  }
}
