package dev.atomic.gateway.pii;

import dev.atomic.gateway.Candidate;
import dev.atomic.gateway.Kind;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * IPv6 addresses in full ({@code 2a01:4f8:c17:b8f::2} compressed, or eight groups), reported as
 * {@code ip_address}. To stay clear of times, MAC addresses and {@code Foo::Bar} in code, an
 * address needs three groups or more of 1–4 hex digits and either eight groups or one {@code ::}.
 * Loopback, link-local ({@code fe80::/10}), multicast ({@code ff00::/8}) and the documentation
 * prefix ({@code 2001:db8::/32}) are not reported.
 */
final class Ipv6 {

  private static final int MAX = 45;

  private Ipv6() {}

  static void scan(String text, Consumer<Candidate> out) {
    int colon = text.indexOf(':');
    while (colon >= 0) {
      int s = colon;
      while (s > 0 && colon - s < MAX && isPart(text.charAt(s - 1))) {
        s--;
      }
      int e = colon;
      while (e < text.length() && e - s < MAX && isPart(text.charAt(e))) {
        e++;
      }
      if (e - s >= 7
          && boundary(text, s - 1)
          && boundary(text, e)
          && plausibleShape(text, s, e)
          && valid(text.substring(s, e))) {
        out.accept(new Candidate(s, e, Kind.PII, "ip_address", 2));
      }
      colon = text.indexOf(':', Math.max(e, colon + 1));
    }
  }

  /** Seven colons, or a "::" and at least two more: rules out times ({@code 12:34:56}) cheaply. */
  private static boolean plausibleShape(String text, int s, int e) {
    int colons = 0;
    boolean gap = false;
    for (int i = s; i < e; i++) {
      if (text.charAt(i) == ':') {
        colons++;
        gap |= i > s && text.charAt(i - 1) == ':';
      }
    }
    return colons == 7 || gap && colons >= 3;
  }

  static boolean valid(String token) {
    int gap = token.indexOf("::");
    if (gap >= 0 && token.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    String[] parts = token.split(":", -1);
    int groups = 0;
    for (int p = 0; p < parts.length; p++) {
      String part = parts[p];
      if (part.isEmpty()) {
        // Only the "::" may leave empty parts (and its neighbours at either end).
        if (gap < 0) {
          return false;
        }
        continue;
      }
      if (part.length() > 4) {
        return false;
      }
      groups++;
    }
    if (groups < 3 || (gap < 0 ? groups != 8 : groups > 7)) {
      return false;
    }
    String lower = token.toLowerCase(Locale.ROOT);
    return !(lower.startsWith("fe8")
        || lower.startsWith("fe9")
        || lower.startsWith("fea")
        || lower.startsWith("feb")
        || lower.startsWith("ff")
        || lower.startsWith("2001:db8:")
        || lower.startsWith("::"));
  }

  private static boolean boundary(String text, int i) {
    if (i < 0 || i >= text.length()) {
      return true;
    }
    char c = text.charAt(i);
    return !Character.isLetterOrDigit(c) && c != '_' && c != '.' && c != '-';
  }

  private static boolean isPart(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':';
  }
}
