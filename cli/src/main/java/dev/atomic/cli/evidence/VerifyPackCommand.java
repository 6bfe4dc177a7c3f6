package dev.atomic.cli.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.evidence.pack.AuditPackVerifier;
import dev.atomic.evidence.pack.SigningKeys;
import dev.atomic.evidence.pack.VerificationReport;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atomic evidence verify PACK}: every check of docs/evidence.md, offline. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify an audit pack offline: archive, signed manifest, file digests, hash chain,"
          + " approvals.",
      "Needs no server. Exit 0 when every check passes, 1 when one fails, 2 when a file cannot"
          + " be read."
    })
class VerifyPackCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PACK", description = "The audit pack (ZIP).")
  Path pack;

  @Option(
      names = "--key",
      paramLabel = "PUBLIC_KEY_PEM",
      description =
          "The platform's public key (SPKI PEM) the pack must be signed with. Without it the"
              + " pack's own key is used: compare the key id printed with the one your platform"
              + " publishes.")
  Path key;

  @Option(
      names = "--output",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Format output;

  @Override
  public Integer call() {
    requireReadable(pack, "the audit pack");
    PublicKey trusted = key == null ? null : readKey(key);
    VerificationReport report = new AuditPackVerifier().verify(pack, trusted);
    PrintWriter out = spec.commandLine().getOut();
    out.print(output == Format.json ? json(report) + System.lineSeparator() : report.toText());
    out.flush();
    if (report.ok()) {
      return ExitCodes.OK;
    }
    VerificationReport.Check failed = report.firstFailure().orElseThrow();
    throw new CliException(ExitCodes.FAILED, failed.name() + ": " + failed.message());
  }

  private static PublicKey readKey(Path file) {
    requireReadable(file, "--key");
    try {
      return SigningKeys.publicKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException | IllegalArgumentException e) {
      throw new CliException(
          ExitCodes.USAGE,
          "--key " + file + " is not an Ed25519 public key PEM (" + e.getMessage() + ")");
    }
  }

  private static void requireReadable(Path file, String what) {
    if (!Files.exists(file)) {
      throw new CliException(
          ExitCodes.USAGE, "cannot read " + what + " " + file + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new CliException(ExitCodes.USAGE, "cannot read " + what + " " + file + ": not a file");
    }
    if (!Files.isReadable(file)) {
      throw new CliException(
          ExitCodes.USAGE, "cannot read " + what + " " + file + ": permission denied");
    }
  }

  private static String json(VerificationReport report) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("ok", report.ok());
    ArrayNode checks = root.putArray("checks");
    for (VerificationReport.Check check : report.checks()) {
      checks
          .addObject()
          .put("name", check.name())
          .put("status", check.status().wire())
          .put("message", check.message());
    }
    return Json.write(root);
  }
}
