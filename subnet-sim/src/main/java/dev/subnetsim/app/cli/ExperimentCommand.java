package dev.subnetsim.app.cli;

import dev.subnetsim.app.sweep.Experiment;
import dev.subnetsim.app.sweep.SweepOutputs;
import dev.subnetsim.app.sweep.SweepPlan;
import dev.subnetsim.app.sweep.SweepRow;
import dev.subnetsim.app.sweep.SweepRunner;
import dev.subnetsim.app.sweep.Verdicts;
import dev.subnetsim.scenarios.dsl.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code subnet-sim experiment FILE [--jobs N] [--out DIR]}: runs the sweep an experiment file
 * describes (experiments/README.md), writes the sweep's outputs plus {@code verdicts.json}, and
 * prints a verdict per expectation. Exit 0 if every run passed and every expectation holds.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = "Run an experiment file's sweep and judge its expectations.")
final class ExperimentCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "Experiment YAML file (see experiments/).")
  Path file;

  @Option(names = "--jobs", defaultValue = "1", description = "Runs at once (results do not depend on it; default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--threads", description = "Dispatcher threads per run (default: 2 with --jobs 1, else 1).")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: runs/experiments/<name>).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (jobs < 1 || (threads != null && threads < 1)) {
      System.err.println("subnet-sim experiment: --jobs and --threads must be at least 1");
      return SubnetSimCli.EXIT_BAD_INPUT;
    }
    Experiment e = Experiment.load(file);
    String text;
    try {
      text = Files.readString(e.base(), StandardCharsets.UTF_8);
    } catch (IOException io) {
      throw new ScenarioException(file.toString(), 0, "base", "cannot read " + e.base() + ": "
          + io.getMessage());
    }
    SweepPlan plan = new SweepPlan(e.base().toString(), text, List.of(), e.grid(), e.seeds());
    List<SweepPlan.PlannedRun> runs = plan.runs();
    Path dir = out != null ? out : Path.of("runs", "experiments", e.name());
    Files.createDirectories(dir);
    System.out.printf("subnet-sim experiment %s: %d runs -> %s%n", e.name(), runs.size(),
        dir.toAbsolutePath().normalize());
    int perRun = threads != null ? threads : jobs == 1 ? 2 : 1;
    List<SweepRow> rows = new SweepRunner(dir, jobs, perRun, System.err).run(runs);
    List<Verdicts.Verdict> verdicts = Verdicts.judge(e.grid(), rows, e.expectations());
    Files.writeString(dir.resolve("verdicts.json"), Verdicts.json(verdicts),
        StandardCharsets.UTF_8);
    SweepOutputs.write(dir, "Experiment " + e.name(), plan, rows, e.plot(),
        Verdicts.html(e.description(), verdicts), e.expectations());
    for (Verdicts.Verdict v : verdicts) {
      System.out.printf("%s: %s (%s)%n", v.holds() ? "holds" : "FAILS", v.expectation()
          .describe(), v.detail());
    }
    long failed = rows.stream().filter(r -> !r.passed()).count();
    long broken = verdicts.stream().filter(v -> !v.holds()).count();
    System.out.printf("%d of %d runs passed, %d of %d expectations hold; %s%n",
        rows.size() - failed, rows.size(), verdicts.size() - broken, verdicts.size(),
        dir.resolve("sweep.html").toAbsolutePath().normalize());
    return failed == 0 && broken == 0 ? SubnetSimCli.EXIT_OK
        : SubnetSimCli.EXIT_INVARIANT_FAILED;
  }
}
