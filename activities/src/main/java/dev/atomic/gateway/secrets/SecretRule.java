package dev.atomic.gateway.secrets;

import dev.atomic.gateway.Validators;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A credential format: the keywords that must occur near it, the regex that matches it and a check
 * of the matched value.
 *
 * <p>The regex runs only in a window around each keyword occurrence: a match may start up to {@code
 * before} characters before the keyword and must end within {@code after} characters after the
 * keyword's start. Built-in regexes use {@link java.util.regex} for speed; each one is written with
 * bounded or possessive repetition and no nested quantifiers, and runs on a bounded window, so none
 * can backtrack catastrophically. An anchored rule's match must start at the keyword itself, so the
 * regex is tried once per occurrence rather than at every position of the window. When the regex
 * has a group named {@code v}, only that group is redacted (the value, not the key name in front of
 * it).
 *
 * @param specificity ranks overlapping detections: a vendor prefix beats a context rule
 */
record SecretRule(
    String type,
    List<String> keywords,
    Pattern pattern,
    int before,
    int after,
    Predicate<String> check,
    int specificity,
    boolean anchored,
    boolean hasValueGroup) {

  static final int VENDOR = 3;
  static final int CONTEXT = 1;

  /**
   * A token that starts with one of its keywords, e.g. {@code ghp_}; at most {@code maxLength}
   * long.
   */
  static SecretRule prefixed(String type, String regex, int maxLength, String... keywords) {
    return of(type, regex, 0, maxLength, VENDOR, Validators::plausibleToken, keywords).anchor();
  }

  /** A value found by the words around it, e.g. {@code aws_secret_access_key = ...}. */
  static SecretRule keyed(String type, String regex, int before, int after, String... keywords) {
    return of(type, regex, before, after, VENDOR, Validators::plausibleToken, keywords);
  }

  static SecretRule of(
      String type,
      String regex,
      int before,
      int after,
      int specificity,
      Predicate<String> check,
      String... keywords) {
    List<String> lower = Arrays.stream(keywords).map(k -> k.toLowerCase(Locale.ROOT)).toList();
    return new SecretRule(
        type,
        lower,
        Pattern.compile(regex),
        before,
        after,
        check,
        specificity,
        false,
        regex.contains("(?<v>"));
  }

  /** The match starts at the keyword. */
  SecretRule anchor() {
    return new SecretRule(
        type, keywords, pattern, 0, after, check, specificity, true, hasValueGroup);
  }

  SecretRule withCheck(Predicate<String> other) {
    return new SecretRule(
        type, keywords, pattern, before, after, other, specificity, anchored, hasValueGroup);
  }
}
