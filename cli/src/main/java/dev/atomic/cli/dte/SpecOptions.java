package dev.atomic.cli.dte;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The spec and the tree that apply, verify and revert work on. */
class SpecOptions {

  @Option(names = "--spec", required = true, description = "The ChangeSpec (JSON).")
  Path specFile;

  @Option(
      names = "--working-dir",
      defaultValue = ".",
      description = "The tree (default: the current directory).")
  Path workingDir;
}
