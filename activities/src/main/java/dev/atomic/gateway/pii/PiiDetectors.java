package dev.atomic.gateway.pii;

import dev.atomic.gateway.Candidate;
import java.util.List;
import java.util.function.Consumer;

/** All built-in personal-data detectors. Stateless and thread-safe. */
public final class PiiDetectors {

  public static final List<String> TYPES =
      List.of("email", "phone_us", "phone_intl", "ssn", "credit_card", "iban", "ip_address");

  private PiiDetectors() {}

  public static void scan(String text, Consumer<Candidate> out) {
    EmailDetector.scan(text, out);
    NumberDetector.scan(text, out);
    Ipv6.scan(text, out);
  }
}
