package dev.atomic.dte.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PitReportsTest {

  @Test
  void mapsPitStatusesAndKeepsPitsDetectedOverTotalAsTheScore() throws Exception {
    Path xml = Path.of(PitReportsTest.class.getResource("/pit/mutations.xml").toURI());

    MutationReport report =
        PitReports.read(
            xml, "pit 1.30.2", new MutationTargets(List.of("com.acme.auth.Auth"), "scope"));

    assertThat(report.mutantsTotal()).isEqualTo(5);
    assertThat(report.mutantsKilled()).isEqualTo(3);
    assertThat(report.score()).isEqualTo(0.6);
    assertThat(report.details())
        .extracting(MutationReport.Mutant::status)
        .containsExactly("killed", "survived", "timeout", "error", "no_coverage");
    assertThat(report.details().get(3).pitStatus()).isEqualTo("MEMORY_ERROR");
    assertThat(report.undetected())
        .extracting(MutationReport.Mutant::describe)
        .containsExactly(
            "Auth.java:28 Changed increment from 1 to -1 (signIn)",
            "Session.java:9 replaced return value with \"\" (token) [no_coverage]");
  }
}
