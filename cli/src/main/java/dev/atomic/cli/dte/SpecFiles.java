package dev.atomic.cli.dte;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.ChangeSpecValidator;
import dev.atomic.dte.DteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a ChangeSpec file for a command: a missing or invalid file is a usage error. */
final class SpecFiles {

  private SpecFiles() {}

  static ChangeSpec read(Path file) throws IOException {
    try {
      return ChangeSpecValidator.parse(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.USAGE, "no such ChangeSpec file: " + file);
    } catch (DteException e) {
      throw DteErrors.of(e);
    }
  }
}
