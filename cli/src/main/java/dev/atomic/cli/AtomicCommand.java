package dev.atomic.cli;

import dev.atomic.cli.admin.AdminCommand;
import dev.atomic.cli.cds.TrainingCommand;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * The {@code atomic} command.
 *
 * <p>Its subcommands are listed in {@link #SUBCOMMANDS} rather than in the annotation: picocli
 * instantiates every listed command and reflects over its fields up front, which loads the DTE, the
 * gateway's rules and the embedded platform's classes even for {@code atomic mission list}. {@link
 * Main#newCommandLine(String...)} registers only the subcommand a command line names (all of them
 * for help, version and anything unknown).
 */
@Command(
    name = "atomic",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Governed, reversible, auditable code migrations.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:failed",
      "2:usage error or invalid input",
      "3:not found",
      "4:conflict (wrong state, or already running)",
      "5:not authenticated, or the credential lacks the role"
    })
public class AtomicCommand {

  /** The subcommands by name, in the order help lists them. */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> subcommands = new LinkedHashMap<>();
    subcommands.put("dev", DevCommand.class);
    subcommands.put("demo", DemoCommand.class);
    subcommands.put("api", ApiCommand.class);
    subcommands.put("worker", WorkerCommand.class);
    subcommands.put("mission", MissionCommand.class);
    subcommands.put("dte", DteCommand.class);
    subcommands.put("evidence", EvidenceCommand.class);
    subcommands.put("finops", FinOpsCommand.class);
    subcommands.put("gateway", GatewayCommand.class);
    subcommands.put("admin", AdminCommand.class);
    subcommands.put("db", DbCommand.class);
    subcommands.put("temporal", TemporalCommand.class);
    subcommands.put("cds-training", TrainingCommand.class);
    return Collections.unmodifiableMap(subcommands);
  }
}
