package dev.atomic.cli.evidence;

import picocli.CommandLine.Command;

/** {@code atomic evidence …}: audit packs and evidence chains. */
@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    description =
        "Verify audit packs offline; export packs, read timelines and check chains; back up and restore a mission's evidence.",
    subcommands = {
      VerifyPackCommand.class,
      ExportCommand.class,
      EventsCommand.class,
      VerifyChainCommand.class,
      BackupCommand.class,
      ImportCommand.class
    })
public class EvidenceCommand {}
