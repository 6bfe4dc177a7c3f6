package dev.atomic.gateway.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.gateway.RedactionConfig;
import dev.atomic.gateway.RedactionEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiDetectorsTest {

  private final RedactionEngine engine =
      new RedactionEngine(RedactionConfig.builder().secrets(false).build());

  private List<String> found(String text) {
    return engine.scan(text).redactions().stream()
        .map(r -> r.rule() + ":" + text.substring(r.start(), r.end()))
        .toList();
  }

  @Test
  void findsUsPhoneNumbersInTheirUsualLayouts() {
    assertThat(
            found(
                "call (220) 827-5060, 679-487-9735, 345.465.3045, 1-336-585-0777, +1 (264) 807-4229,"
                    + " +1 933 600 8971, +12099637392"))
        .containsExactly(
            "phone_us:(220) 827-5060",
            "phone_us:679-487-9735",
            "phone_us:345.465.3045",
            "phone_us:1-336-585-0777",
            "phone_us:+1 (264) 807-4229",
            "phone_us:+1 933 600 8971",
            "phone_us:+12099637392");
  }

  @Test
  void findsInternationalNumbersWithAnAssignedCountryCode() {
    assertThat(
            found(
                "mobile +44 7579 079757 or +33 6 66 01 60 98 or +917544350336 or +49 (0)30 1234567"))
        .containsExactly(
            "phone_intl:+44 7579 079757",
            "phone_intl:+33 6 66 01 60 98",
            "phone_intl:+917544350336",
            "phone_intl:+49 (0)30 1234567");
  }

  @Test
  void leavesNumbersThatAreNotPhonesAlone() {
    assertThat(
            found("epoch 1676842617, area 123-456-7890, tz +0530, v2 +1234, offset 555 123 4567"))
        .isEmpty();
  }

  @Test
  void findsSsnsInIssuedRangesAndBareOnesOnlyAfterTheWordSsn() {
    assertThat(found("ssn=381-91-3431 alt 511 68 7610"))
        .containsExactly("ssn:381-91-3431", "ssn:511 68 7610");
    assertThat(found("SSN mismatch for applicant 42: submitted 255270249"))
        .containsExactly("ssn:255270249");
    assertThat(found("order 421215124 shipped; ssn 666-12-3456")).isEmpty();
  }

  @Test
  void findsLuhnValidCardsOfKnownNetworksOnly() {
    assertThat(found("card 4111 1111 1111 1111 amex 3782-822463-10005 mc 5555555555554444"))
        .containsExactly(
            "credit_card:4111 1111 1111 1111",
            "credit_card:3782-822463-10005",
            "credit_card:5555555555554444");
    assertThat(found("txn=8835386293405827 tracking 7329976350793475 masked XXXX-XXXX-XXXX-1294"))
        .isEmpty();
    assertThat(found("serialVersionUID = 2353825621781678253L")).isEmpty();
  }

  @Test
  void findsIbansCompactOrGroupedThatPassMod97() {
    assertThat(found("iban: GB82 WEST 1234 5698 7654 32; alt DE89370400440532013000"))
        .containsExactly("iban:GB82 WEST 1234 5698 7654 32", "iban:DE89370400440532013000");
    assertThat(found("iban: DE89370400440532013001")).isEmpty();
  }

  @Test
  void findsEmailsButNotLoginsUrlUsersOrExampleDomains() {
    assertThat(found("From: Fatima <fatima-lefevre@oscorp.de>, cc thomas.moore+github@umbrella.co"))
        .containsExactly("email:fatima-lefevre@oscorp.de", "email:thomas.moore+github@umbrella.co");
    assertThat(found("git clone git@github.com:acme/app.git")).isEmpty();
    assertThat(found("ssh -i ~/.ssh/id_ed25519 deploy@bastion.acme.com")).isEmpty();
    assertThat(found("ssh deploy@build-20.oscorp.internal")).isEmpty();
    assertThat(found("amqp://svc:HPad0Iy22Iw@mq.acme.com/vhost")).isEmpty();
    assertThat(found("mail user@example.com, logo@2x.png, @types/node@18.0.0")).isEmpty();
  }

  @Test
  void findsIpAddressesButNotLoopbackVersionsOrDocumentationRanges() {
    assertThat(found("SRC=192.168.91.220 DST=19.188.87.192 via 2a01:4f8:c17:b8f::2"))
        .containsExactly(
            "ip_address:192.168.91.220",
            "ip_address:19.188.87.192",
            "ip_address:2a01:4f8:c17:b8f::2");
    assertThat(
            found(
                "listen 127.0.0.1 and 0.0.0.0:8080, ::1, fe80::1:2:3, 203.0.113.7, version 1.2.3.4"))
        .isEmpty();
    assertThat(
            found(
                "Chrome/122.0.0.0 Safari/537.36, OID 1.3.6.1.4.1, at 21:01:32, MAC 00:1a:2b:3c:4d:5e"))
        .isEmpty();
    assertThat(found("std::vector<int> and Foo::Bar::baz")).isEmpty();
  }
}
