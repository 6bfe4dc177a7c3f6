package dev.atomic.gateway.pii;

/** Issuer ranges (IIN prefixes) and lengths of the payment card networks in use. */
final class CardRanges {

  private CardRanges() {}

  /** {@code digits} is a number of a range some network issues, with that network's length. */
  static boolean issued(String digits) {
    int len = digits.length();
    int p2 = Integer.parseInt(digits.substring(0, 2));
    int p3 = Integer.parseInt(digits.substring(0, 3));
    int p4 = Integer.parseInt(digits.substring(0, 4));
    int p6 = Integer.parseInt(digits.substring(0, 6));
    if (digits.charAt(0) == '4') {
      return len == 13 || len == 16 || len == 19; // Visa
    }
    if (p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720) {
      return len == 16; // Mastercard
    }
    if (p2 == 34 || p2 == 37) {
      return len == 15; // American Express
    }
    if (p4 == 6011 || p3 >= 644 && p3 <= 649 || p2 == 65 || p6 >= 622126 && p6 <= 622925) {
      return len >= 16; // Discover
    }
    if (p4 >= 3528 && p4 <= 3589) {
      return len >= 16; // JCB
    }
    if (p3 >= 300 && p3 <= 305 || p2 == 36 || p2 == 38 || p2 == 39) {
      return len >= 14; // Diners Club
    }
    if (p2 == 62) {
      return len >= 16; // UnionPay
    }
    if (p4 >= 2200 && p4 <= 2204) {
      return len == 16; // Mir
    }
    if (p4 == 5018
        || p4 == 5020
        || p4 == 5038
        || p4 == 5893
        || p4 == 6304
        || p4 == 6759
        || p4 >= 6761 && p4 <= 6763) {
      return true; // Maestro
    }
    return false;
  }
}
