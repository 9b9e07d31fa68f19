package dev.subnetsim.app.cli;

import dev.subnetsim.scenarios.dsl.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code subnet-sim} command line: one subcommand per user task. */
@Command(
    name = "subnet-sim",
    mixinStandardHelpOptions = true,
    version = "subnet-sim 0.1.0",
    description = "Deterministic simulator of an Internet Computer-style subnet.",
    subcommands = {RunCommand.class, BenchCommand.class, ValidateCommand.class, SweepCommand.class, ExperimentCommand.class, FuzzCommand.class, ReplayCommand.class, ReportCommand.class, PipelineCommand.class, ServeCommand.class, WorkerCommand.class})
public final class SubnetSimCli implements Runnable {

  /** Exit status contract (docs/FORMATS.md, "Run output folder"). */
  public static final int EXIT_OK = 0;
  public static final int EXIT_INVARIANT_FAILED = 1;
  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_INTERNAL_ERROR = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static int execute(String... args) {
    return execute(new CommandLine(new SubnetSimCli()), args);
  }

  /** Runs {@code args} on {@code cli} with the exit status contract (tests add commands). */
  static int execute(CommandLine cli, String... args) {
    cli.setExitCodeExceptionMapper(
        e -> e instanceof ScenarioException ? EXIT_BAD_INPUT : EXIT_INTERNAL_ERROR);
    cli.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          if (ex instanceof ScenarioException) {
            c.getErr().println("subnet-sim: " + ex.getMessage());
            return EXIT_BAD_INPUT;
          }
          VirtualMachineError fatal = ResourceExhaustion.find(ex);
          if (fatal != null) {
            c.getErr().println(ResourceExhaustion.line(fatal));
            return EXIT_INTERNAL_ERROR;
          }
          c.getErr().println("subnet-sim: internal error: " + ex);
          ex.printStackTrace(c.getErr());
          return EXIT_INTERNAL_ERROR;
        });
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("subnet-sim: " + ex.getMessage());
          ex.getCommandLine().usage(ex.getCommandLine().getErr());
          return EXIT_BAD_INPUT;
        });
    try {
      return cli.execute(args);
    } catch (VirtualMachineError e) {
      // picocli passes Errors through; uncaught, the JVM would print the trace and exit 1, which
      // means "an invariant failed".
      cli.getErr().println(ResourceExhaustion.line(e));
      return EXIT_INTERNAL_ERROR;
    }
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
