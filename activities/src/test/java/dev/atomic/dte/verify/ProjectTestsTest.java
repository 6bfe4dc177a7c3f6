package dev.atomic.dte.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.dte.DemoRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTestsTest {

  @Test
  void runsAPlainTreesTestsInProcess(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);

    TestReport report = ProjectTests.run(repo, Duration.ofMinutes(2), new ToolJars());

    assertThat(report.runner()).isEqualTo("junit-platform");
    assertThat(report.status()).isEqualTo("passed");
    assertThat(report.run()).isEqualTo(6);
    assertThat(report.failed()).isZero();
  }

  @Test
  void aFailingTestIsNamedWithItsLocation(@TempDir Path dir) throws IOException {
    Path repo = DemoRepo.copyTo(dir);
    Path test = repo.resolve("src/test/java/com/acme/model/UserIdTest.java");
    Files.writeString(
        test,
        Files.readString(test)
            .replace(
                "assertEquals(\"u-7\", UserId.of(\"u-7\").value());",
                "assertEquals(\"u-8\", UserId.of(\"u-7\").value());"));

    VerificationReport report =
        Verification.run(
            DemoRepo.cs001(),
            repo,
            VerificationSettings.fromEnvironment().withTimeout(Duration.ofMinutes(2)));

    assertThat(report.success()).isFalse();
    assertThat(report.tests().status()).isEqualTo("failed");
    assertThat(report.tests().failed()).isEqualTo(1);
    assertThat(report.tests().failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.test()).isEqualTo("com.acme.model.UserIdTest#printsItsValue");
              assertThat(f.location()).isEqualTo("UserIdTest.java:27");
              assertThat(f.message()).contains("expected: <u-8> but was: <u-7>");
            });
    assertThat(report.errors())
        .contains(
            "1 of 6 test(s) failed, first com.acme.model.UserIdTest#printsItsValue (UserIdTest.java:27): expected: <u-8> but was: <u-7>");
  }

  @Test
  void aTestThatRunsPastTheTimeoutIsReportedAsSuch(@TempDir Path dir) throws IOException {
    Path test = dir.resolve("src/test/java/slow/SlowTest.java");
    Files.createDirectories(test.getParent());
    Files.writeString(
        test,
        "package slow;\nclass SlowTest {\n  @org.junit.jupiter.api.Test\n  void waits() throws Exception {\n    Thread.sleep(60_000);\n  }\n}\n");

    TestReport report = ProjectTests.run(dir, Duration.ofSeconds(2), new ToolJars());

    assertThat(report.status()).isEqualTo("timeout");
    assertThat(report.detail()).isEqualTo("timed out after 2 s (TEST_TIMEOUT_MS)");
  }

  @Test
  void aMavenProjectIsTestedThroughMaven(@TempDir Path dir) throws IOException {
    DemoRepo.copy("maven-demo", dir);

    TestReport passing = ProjectTests.run(dir, Duration.ofMinutes(5), new ToolJars());
    Path test = dir.resolve("src/test/java/com/acme/pricing/DiscountsTest.java");
    Files.writeString(
        test, Files.readString(test).replace("assertEquals(900,", "assertEquals(901,"));
    TestReport failing = ProjectTests.run(dir, Duration.ofMinutes(5), new ToolJars());

    assertThat(passing.runner()).isEqualTo("maven");
    assertThat(passing.status()).as(String.valueOf(passing.detail())).isEqualTo("passed");
    assertThat(passing.run()).isEqualTo(2);
    assertThat(failing.status()).isEqualTo("failed");
    assertThat(failing.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.test()).isEqualTo("com.acme.pricing.DiscountsTest#appliesAPercentage");
              assertThat(f.location()).isEqualTo("DiscountsTest.java:12");
            });
  }
}
