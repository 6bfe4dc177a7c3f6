package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.TestPlatform.Response;
import dev.atomic.dte.DemoRepo;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code /dte} over REST: jobs run on the atomic-dte workers of the running platform. */
class DteApiIT {

  private static final Path EXAMPLES = DemoRepo.EXAMPLES;

  private final TestPlatform platform = TestPlatform.shared();

  @Test
  void servesTheChangeSpecSchema() {
    Response schema = platform.get("/dte/schema");

    assertThat(schema.status()).isEqualTo(200);
    assertThat(schema.json().at("/properties/id/pattern").asText()).isEqualTo("^CS-[0-9]+$");
  }

  @Test
  void aDryRunReturnsDiffsAndChangesNothing() throws IOException {
    Path repo = copyDemo("dry-run");
    String body = "{\"spec\": " + cs001() + ", \"workingDir\": \"" + repo + "\", \"dryRun\": true}";

    Response response = platform.postJson("/dte/apply", body);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode result = response.json();
    assertThat(result.get("success").asBoolean()).isTrue();
    assertThat(result.get("dryRun").asBoolean()).isTrue();
    assertThat(result.get("patches").toString())
        .contains("src/main/java/com/acme/model/AccountId.java");
    assertThat(result.at("/summary/files").asInt()).isEqualTo(8);
    assertThat(repo.resolve("src/main/java/com/acme/model/UserId.java")).exists();
  }

  @Test
  void applyChangesTheTreeOnTheWorker() throws IOException {
    Path repo = copyDemo("apply");

    Response response =
        platform.postJson(
            "/dte/apply", "{\"spec\": " + cs001() + ", \"workingDir\": \"" + repo + "\"}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(Files.readString(repo.resolve("src/main/java/com/acme/auth/Auth.java")))
        .contains("signIn(String email");
  }

  @Test
  void verifyChecksTheInvariantsOnTheWorker() throws IOException {
    Path repo = copyDemo("verify");

    Response before =
        platform.postJson(
            "/dte/verify", "{\"spec\": " + cs001() + ", \"workingDir\": \"" + repo + "\"}");
    platform.postJson(
        "/dte/apply", "{\"spec\": " + cs001() + ", \"workingDir\": \"" + repo + "\"}");
    Response after =
        platform.postJson(
            "/dte/verify", "{\"spec\": " + cs001() + ", \"workingDir\": \"" + repo + "\"}");

    assertThat(before.status()).as(before.body()).isEqualTo(200);
    assertThat(before.json().get("success").asBoolean()).isFalse();
    assertThat(before.json().get("errors").toString()).contains("NoLoginTextRemains");
    assertThat(after.json().get("success").asBoolean()).as(after.body()).isTrue();
    assertThat(after.json().at("/invariants/0/evidence/0").asText())
        .isEqualTo("javac: 5 file(s) compiled");
    assertThat(after.json().at("/tests/run").asInt()).isEqualTo(6);
    assertThat(after.json().at("/mutationReport/status").asText()).isEqualTo("completed");
    assertThat(after.json().at("/mutationReport/mutantsTotal").asInt()).isPositive();
    assertThat(after.json().at("/metrics/mutationScore").asDouble())
        .isEqualTo(after.json().at("/mutationReport/score").asDouble());
  }

  @Test
  void aRepositoryUrlIsClonedAppliedInBatchesAndItsBranchPushedBack() throws Exception {
    Path origin = copyDemo("origin");
    org.eclipse.jgit.lib.ObjectId main;
    try (org.eclipse.jgit.api.Git git =
        org.eclipse.jgit.api.Git.init()
            .setDirectory(origin.toFile())
            .setInitialBranch("main")
            .call()) {
      git.add().addFilepattern(".").call();
      org.eclipse.jgit.lib.PersonIdent me =
          new org.eclipse.jgit.lib.PersonIdent("Dev", "dev@example.com");
      main = git.commit().setAuthor(me).setCommitter(me).setSign(false).setMessage("demo").call();
    }

    Response response =
        platform.postJson(
            "/dte/apply",
            "{\"spec\": "
                + cs001()
                + ", \"repository\": \""
                + origin.toUri()
                + "\", \"ref\": \"main\", \"batchSize\": 4}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().at("/batches/branch").asText()).isEqualTo("atomic/CS-001");
    // every file of CS-001 uses the renamed UserId, so it is one batch whatever the batch size
    assertThat(response.json().at("/batches/commits").size()).isEqualTo(1);
    assertThat(response.json().at("/batches/commits/0/reason").asText())
        .contains("must land together");
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(origin.toFile())) {
      assertThat(git.getRepository().resolve("refs/heads/main")).isEqualTo(main);
      assertThat(git.getRepository().resolve("refs/heads/atomic/CS-001").getName())
          .isEqualTo(response.json().at("/batches/commits/0/commit").asText());
    }
    assertThat(
            platform
                .postJson(
                    "/dte/apply",
                    "{\"spec\": " + cs001() + ", \"repository\": \"ftp://example.com/x.git\"}")
                .json()
                .get("details")
                .asText())
        .contains("only file:// and https:// URLs are accepted");
  }

  @Test
  void badSpecsAndPlacesAreRefusedClearly() throws IOException {
    Response invalid =
        platform.postJson(
            "/dte/apply",
            "{\"id\":\"CS-1\",\"intent\":\"x\",\"scope\":[\"src\"],\"language\":\"java\",\"patches\":[{\"astOp\":\"rename\"}]}");
    Response typescript =
        platform.postJson(
            "/dte/apply",
            "{\"spec\": {\"id\":\"CS-2\",\"intent\":\"x\",\"scope\":[\"src\"],\"language\":\"typescript\","
                + "\"patches\":[{\"astOp\":\"renameSymbol\",\"selector\":\"Identifier[name='A']\",\"details\":{\"newName\":\"B\"}}]},"
                + " \"workingDir\": \""
                + copyDemo("ts")
                + "\"}");
    Response outside =
        platform.postJson("/dte/apply", "{\"spec\": " + cs001() + ", \"workingDir\": \"/etc\"}");

    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().get("details").asText())
        .contains("/patches/0/astOp: must be one of [renameSymbol,");
    assertThat(typescript.status()).isEqualTo(422);
    assertThat(typescript.json().get("details").asText())
        .contains("language pack not available: typescript");
    assertThat(outside.status()).isEqualTo(422);
    assertThat(outside.json().get("details").asText()).contains("outside the allowed roots");
  }

  @Test
  void aClasspathBesideTheSpecTypesAPlainTreeAndStaysInsideIt() throws IOException {
    Path tree = Files.createDirectories(platform.home.resolve("work").resolve("classpath"));
    Files.createDirectories(tree.resolve("src/com/acme"));
    Files.createDirectories(tree.resolve("lib"));
    Files.writeString(
        tree.resolve("src/com/acme/Names.java"),
        """
        package com.acme;

        import com.google.common.base.Preconditions;

        class Names {
          String first(String name) {
            return Preconditions.checkNotNull(name);
          }
        }
        """);
    Path guava =
        java.util.Arrays.stream(
                System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .map(Path::of)
            .filter(p -> p.getFileName().toString().matches("guava-[0-9.]+-(jre|android)\\.jar"))
            .findFirst()
            .orElseThrow();
    Files.copy(guava, tree.resolve("lib/guava.jar"));
    String spec =
        """
        {"id": "CS-79", "intent": "Guava checkNotNull to the JDK", "scope": ["src/**/*.java"], "language": "java",
         "patches": [{"astOp": "replaceAPI",
                      "selector": "MethodCall[type='com.google.common.base.Preconditions'][name='checkNotNull'][args=1]",
                      "details": {"newTarget": "java.util.Objects", "newProperty": "requireNonNull"}}]}
        """;
    String job = "{\"spec\": " + spec + ", \"workingDir\": \"" + tree + "\", \"dryRun\": true";

    Response typed = platform.postJson("/dte/apply", job + ", \"classpath\": [\"lib/*\"]}");
    Response untyped = platform.postJson("/dte/apply", job + "}");
    Response outside = platform.postJson("/dte/apply", job + ", \"classpath\": [\"/etc\"]}");
    Response malformed =
        platform.postJson("/dte/apply", job + ", \"classpath\": \"lib/guava.jar\"}");

    assertThat(typed.status()).as(typed.body()).isEqualTo(200);
    assertThat(typed.json().at("/diffs/0/diff").asText())
        .contains("+    return Objects.requireNonNull(name);");
    assertThat(untyped.status()).isEqualTo(422);
    assertThat(untyped.json().get("details").asText())
        .contains("type com.google.common.base.Preconditions cannot be resolved");
    assertThat(outside.status()).isEqualTo(422);
    assertThat(outside.json().get("details").asText())
        .contains("/classpath: /etc: outside the working directory");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("error").asText()).contains("classpath must be an array");
  }

  private Path copyDemo(String name) throws IOException {
    return DemoRepo.copyTo(Files.createDirectories(platform.home.resolve("work").resolve(name)));
  }

  private static String cs001() throws IOException {
    return Json.mapper()
        .readTree(Files.readString(EXAMPLES.resolve("specs/CS-001.json")))
        .toString();
  }
}
