package dev.atomic.cli;

import dev.atomic.cli.admin.AdminCommand;
import dev.atomic.cli.db.DbCommand;
import dev.atomic.cli.dev.ApiCommand;
import dev.atomic.cli.dev.DemoCommand;
import dev.atomic.cli.dev.DevCommand;
import dev.atomic.cli.dev.WorkerCommand;
import dev.atomic.cli.dte.DteCommand;
import dev.atomic.cli.evidence.EvidenceCommand;
import dev.atomic.cli.finops.FinOpsCommand;
import dev.atomic.cli.gateway.GatewayCommand;
import dev.atomic.cli.mission.MissionCommand;
import dev.atomic.cli.temporal.TemporalCommand;
import picocli.CommandLine.Command;

/** The {@code atomic} command. */
@Command(
    name = "atomic",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Governed, reversible, auditable code migrations.",
    subcommands = {
      DevCommand.class,
      DemoCommand.class,
      ApiCommand.class,
      WorkerCommand.class,
      MissionCommand.class,
      DteCommand.class,
      EvidenceCommand.class,
      FinOpsCommand.class,
      GatewayCommand.class,
      AdminCommand.class,
      DbCommand.class,
      TemporalCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:failed",
      "2:usage error or invalid input",
      "3:not found",
      "4:conflict (wrong state, or already running)",
      "5:not authenticated, or the credential lacks the role"
    })
public class AtomicCommand {}
