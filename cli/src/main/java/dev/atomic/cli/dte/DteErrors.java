package dev.atomic.cli.dte;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.dte.DteException;

/** DTE refusals as CLI failures: the spec's problems are usage errors, unsafe changes failures. */
final class DteErrors {

  private DteErrors() {}

  static CliException of(DteException e) {
    String text =
        e.reasons().size() == 1 ? e.reasons().get(0) : "\n  " + String.join("\n  ", e.reasons());
    return new CliException(
        e.kind() == DteException.Kind.REFUSED ? ExitCodes.FAILED : ExitCodes.USAGE, text);
  }
}
