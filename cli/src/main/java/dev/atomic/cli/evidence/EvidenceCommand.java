package dev.atomic.cli.evidence;

import picocli.CommandLine.Command;

/** {@code atomic evidence …}: audit packs and evidence chains. */
@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    description = "Verify audit packs offline; export packs, read timelines and check chains.",
    subcommands = {
      VerifyPackCommand.class,
      ExportCommand.class,
      EventsCommand.class,
      VerifyChainCommand.class
    })
public class EvidenceCommand {}
