package dev.atomic.dte.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DemoRepo;
import dev.atomic.dte.DteEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvariantsTest {

  private static final DteEngine ENGINE = DteEngine.fromEnvironment();

  @Test
  void cs001InvariantsHoldAfterTheChange(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);
    ENGINE.apply(DemoRepo.cs001(), repo);

    VerificationReport report = Invariants.verify(DemoRepo.cs001(), repo);

    assertThat(report.success()).as(report.toString()).isTrue();
    assertThat(report.invariants())
        .extracting(VerificationReport.InvariantResult::name)
        .containsExactly("Compiles", "NoLoginCallsRemain", "NoLoginTextRemains", "AccountIdExists");
    assertThat(report.invariants().get(0).evidence()).containsExactly("javac: 5 file(s) compiled");
    assertThat(report.invariants().get(3).evidence())
        .containsExactly("type com.acme.model.AccountId");
  }

  @Test
  void beforeTheChangeTheyFailWithEvidence(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);

    VerificationReport report = Invariants.verify(DemoRepo.cs001(), repo);

    assertThat(report.success()).isFalse();
    assertThat(report.errors())
        .containsExactly(
            "invariant NoLoginCallsRemain (semanticRule) failed",
            "invariant NoLoginTextRemains (regex) failed",
            "invariant AccountIdExists (symbolExists) failed");
    assertThat(report.invariants().get(1).evidence())
        .contains(
            "src/main/java/com/acme/app/LoginController.java: call of method com.acme.auth.Auth#login");
    assertThat(report.invariants().get(2).evidence())
        .contains(
            "src/main/java/com/acme/app/LoginController.java:18: Optional<Session> session = auth.login(username, password);");
  }

  @Test
  void aCompileErrorFailsTypecheckWithFileAndLine(@TempDir Path dir) throws Exception {
    Path repo = DemoRepo.copyTo(dir);
    Path controller = repo.resolve("src/main/java/com/acme/app/LoginController.java");
    Files.writeString(
        controller,
        Files.readString(controller).replace("return id.value();", "return id.missing();"));

    VerificationReport report =
        Invariants.verify(spec(new ChangeSpec.Invariant("Compiles", "typecheck", null)), repo);

    assertThat(report.success()).isFalse();
    assertThat(report.invariants().get(0).evidence())
        .singleElement()
        .asString()
        .startsWith("src/main/java/com/acme/app/LoginController.java:23: cannot find symbol");
  }

  @Test
  void aTypecheckCommandRunsWithoutAShell(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    VerificationReport ok =
        Invariants.verify(
            spec(new ChangeSpec.Invariant("Java", "typecheck", "'" + java + "' -version")), repo);
    VerificationReport injected =
        Invariants.verify(
            spec(new ChangeSpec.Invariant("Injected", "typecheck", java + " -version; rm -rf /")),
            repo);
    VerificationReport missing =
        Invariants.verify(
            spec(new ChangeSpec.Invariant("Missing", "typecheck", "no-such-checker --all")), repo);

    assertThat(ok.success()).isTrue();
    assertThat(ok.invariants().get(0).evidence().get(0)).endsWith("-version: exit 0");
    assertThat(injected.success())
        .as("the ; reaches java as an argument, no shell runs rm")
        .isFalse();
    assertThat(missing.invariants().get(0).evidence().get(0))
        .startsWith("cannot run no-such-checker");
  }

  @Test
  void semanticRulesTakeOnlyStructuredForms(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);

    assertThatThrownBy(
            () ->
                Invariants.verify(
                    spec(
                        new ChangeSpec.Invariant(
                            "Free", "semanticRule", "No calls to auth.login remain")),
                    repo))
        .hasMessageContaining(
            "/invariants/0/spec: semanticRule takes 'absent: <selector>' or 'present: <selector>'");
    VerificationReport present =
        Invariants.verify(
            spec(
                new ChangeSpec.Invariant(
                    "HasAuth", "semanticRule", "present: Type[fqn='com.acme.auth.Auth']")),
            repo);
    assertThat(present.success()).isTrue();
  }

  private static ChangeSpec spec(ChangeSpec.Invariant invariant) {
    return new ChangeSpec(
        "CS-5",
        "check",
        List.of("src/**/*.java"),
        "java",
        null,
        null,
        List.of(invariant),
        null,
        null,
        null);
  }
}
