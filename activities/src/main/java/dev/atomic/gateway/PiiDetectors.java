package dev.atomic.gateway;

import java.util.List;
import java.util.function.Consumer;

/** All built-in personal-data detectors. Stateless and thread-safe. */
final class PiiDetectors {

  static final List<String> TYPES =
      List.of("email", "phone_us", "phone_intl", "ssn", "credit_card", "iban", "ip_address");

  private PiiDetectors() {}

  static void scan(String text, Consumer<Candidate> out) {
    EmailDetector.scan(text, out);
    NumberDetector.scan(text, out);
    Ipv6.scan(text, out);
  }
}
