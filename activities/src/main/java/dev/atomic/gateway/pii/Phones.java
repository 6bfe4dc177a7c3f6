package dev.atomic.gateway.pii;

import java.util.HashSet;
import java.util.Set;

/**
 * Telephone numbers. US (NANP) numbers in the usual layouts — {@code (NPA) NXX-XXXX}, {@code
 * NPA-NXX-XXXX}, {@code NPA.NXX.XXXX}, {@code 1-NPA-NXX-XXXX}, {@code +1 NPA NXX XXXX}, {@code
 * +1NPANXXXXXX} — with area code and exchange starting 2–9; ten bare digits are not taken (they are
 * more often ids and epoch times). International numbers in E.164 form: {@code +}, an assigned
 * country calling code, 8–15 digits in all, single spaces or dashes between groups (not dots, which
 * would read {@code +35236450.6} as a number).
 */
final class Phones {

  // ITU-T E.164 country calling codes (Zone 1, NANP, is handled as US).
  private static final Set<String> CALLING_CODES = new HashSet<>();

  static {
    String codes =
        "7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61"
            + " 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98 211 212 213 216 218 220 221 222 223 224 225"
            + " 226 227 228 229 230 231 232 233 234 235 236 237 238 239 240 241 242 243 244 245 246 247 248"
            + " 249 250 251 252 253 254 255 256 257 258 260 261 262 263 264 265 266 267 268 269 290 291 297"
            + " 298 299 350 351 352 353 354 355 356 357 358 359 370 371 372 373 374 375 376 377 378 380 381"
            + " 382 383 385 386 387 389 420 421 423 500 501 502 503 504 505 506 507 508 509 590 591 592 593"
            + " 594 595 596 597 598 599 670 672 673 674 675 676 677 678 679 680 681 682 683 685 686 687 688"
            + " 689 690 691 692 800 808 850 852 853 855 856 870 880 881 882 883 886 888 960 961 962 963 964"
            + " 965 966 967 968 970 971 972 973 974 975 976 977 979 992 993 994 995 996 998";
    CALLING_CODES.addAll(Set.of(codes.split(" ")));
  }

  private Phones() {}

  /** End of the US number starting at {@code i}, or -1. */
  static int us(String text, int i) {
    int n = text.length();
    int j = i;
    boolean prefixed = false;
    if (text.charAt(j) == '+') {
      if (j + 1 >= n || text.charAt(j + 1) != '1') {
        return -1;
      }
      j += 2;
      if (NumberDetector.digitsAt(text, j, 10)) {
        return nanp(text, j, j + 3) && NumberDetector.rightBoundary(text, j + 10) ? j + 10 : -1;
      }
      if (j < n && isSeparator(text.charAt(j))) {
        j++;
      }
      prefixed = true;
    } else if (text.charAt(j) == '1'
        && j + 2 < n
        && isSeparator(text.charAt(j + 1))
        && (NumberDetector.isDigit(text.charAt(j + 2)) || text.charAt(j + 2) == '(')) {
      j += 2;
      prefixed = true;
    }
    int area;
    char sep;
    boolean paren = j < n && text.charAt(j) == '(';
    if (paren) {
      if (!NumberDetector.digitsAt(text, j + 1, 3) || j + 4 >= n || text.charAt(j + 4) != ')') {
        return -1;
      }
      area = j + 1;
      j += 5;
      if (j < n && text.charAt(j) == ' ') {
        j++;
      }
      sep = '-';
    } else {
      if (!NumberDetector.digitsAt(text, j, 3) || j + 3 >= n || !isSeparator(text.charAt(j + 3))) {
        return -1;
      }
      area = j;
      sep = text.charAt(j + 3);
      j += 4;
      if (sep == ' ' && !prefixed) {
        return -1;
      }
    }
    int exchange = j;
    if (!NumberDetector.digitsAt(text, j, 3) || j + 3 >= n) {
      return -1;
    }
    char second = text.charAt(j + 3);
    if (paren ? !isSeparator(second) : second != sep) {
      return -1;
    }
    j += 4;
    if (!NumberDetector.digitsAt(text, j, 4) || !NumberDetector.rightBoundary(text, j + 4)) {
      return -1;
    }
    return nanp(text, area, exchange) ? j + 4 : -1;
  }

  /** End of the E.164 number starting with {@code +} at {@code i}, or -1. */
  static int international(String text, int i) {
    int n = text.length();
    if (text.charAt(i) != '+'
        || i + 1 >= n
        || text.charAt(i + 1) < '2'
        || text.charAt(i + 1) > '9') {
      return -1;
    }
    StringBuilder digits = new StringBuilder(16);
    int j = i + 1;
    int end = j;
    while (j < n && digits.length() <= 15) {
      char c = text.charAt(j);
      if (NumberDetector.isDigit(c)) {
        digits.append(c);
        j++;
        end = j;
      } else if ((c == ' ' || c == '-')
          && j + 1 < n
          && NumberDetector.isDigit(text.charAt(j + 1))
          && end == j) {
        j++;
      } else if (c == ' ' && text.startsWith(" (0)", j) && end == j && digits.length() <= 3) {
        j += 4; // the national trunk prefix some write after the country code: +44 (0)20 …
        if (j < n && text.charAt(j) == ' ') {
          j++;
        }
      } else {
        break;
      }
    }
    if (digits.length() < 8 || digits.length() > 15 || !NumberDetector.rightBoundary(text, end)) {
      return -1;
    }
    for (int len = 1; len <= 3; len++) {
      if (CALLING_CODES.contains(digits.substring(0, len))) {
        return end;
      }
    }
    return -1;
  }

  private static boolean nanp(String text, int area, int exchange) {
    return text.charAt(area) >= '2' && text.charAt(exchange) >= '2';
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.';
  }
}
