package dev.subnetsim.app.cli;

import dev.subnetsim.app.run.MainJobs;
import dev.subnetsim.app.sweep.Seeds;
import dev.subnetsim.app.sweep.SweepAxis;
import dev.subnetsim.app.sweep.SweepGrid;
import dev.subnetsim.app.sweep.SweepOutputs;
import dev.subnetsim.app.sweep.SweepPlan;
import dev.subnetsim.app.sweep.SweepRow;
import dev.subnetsim.app.sweep.SweepRunner;
import dev.subnetsim.scenarios.dsl.FieldOverride;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code subnet-sim sweep [FILE] --set PATH=V1,V2 [--set ...] [--zip] --seeds 1-10 [--jobs N]
 * [--out DIR]}: runs the grid of scenario-field values (or, zipped, the values side by side) times
 * the seeds, and writes {@code sweep.csv}, {@code sweep.json} and {@code sweep.html} with every
 * run's folder under {@code DIR/runs/}. Every point is read and validated before anything runs;
 * a sweep started again over the same folder keeps the runs already there.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Run a grid over any scenario fields and seeds; write sweep.csv, sweep.json "
        + "and sweep.html with charts.")
final class SweepCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Base scenario (default: flagship).")
  Path scenario;

  @Option(names = "--set", paramLabel = "PATH=V1,V2,...", description = "A field to sweep and its values, e.g. consensus.unit_delay=500ms,1s or subnets[1].nodes=4,7 (subnets[*].nodes: every subnet); repeatable.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--zip", description = "Vary the --set fields together (i-th values side by side; same count each) instead of over their product.")
  boolean zip;

  @Option(names = "--seeds", defaultValue = "1", description = "Seeds of each point: 1-10, 1,2,5 or both (default: ${DEFAULT-VALUE}).")
  String seeds;

  @Option(names = "--jobs", defaultValue = "1", description = "Runs at once (results do not depend on it; default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--threads", description = "Dispatcher threads per run (default: 2 with --jobs 1, else 1).")
  Integer threads;

  @Option(names = "--plot", split = ",", paramLabel = "METRIC", description = "Metrics to chart, by name or prefix (e.g. blocks_per_second,latency_seconds.ingress.p99; default: all but message counts).")
  List<String> plot = new ArrayList<>();

  @Option(names = "--duration", description = "Simulated seconds of every run (shorthand for a fixed duration=Ns).")
  Double durationSeconds;

  @Option(names = "--nodes", split = ",", description = "Shorthand for --set subnets[*].nodes=...: every subnet gets that many nodes.")
  List<Integer> nodes;

  @Option(names = "--unit-delays", split = ",", description = "Shorthand for --set consensus.unit_delay=...ms.")
  List<Long> unitDelaysMs;

  @Option(names = "--out", defaultValue = "runs/sweep", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (jobs < 1 || (threads != null && threads < 1)) {
      System.err.println("subnet-sim sweep: --jobs and --threads must be at least 1");
      return SubnetSimCli.EXIT_BAD_INPUT;
    }
    String file = scenario == null ? "catalog/" + MainJobs.DEFAULT_SCENARIO + ".yaml"
        : scenario.toString();
    SweepPlan plan = new SweepPlan(file, text(), fixed(), grid(), Seeds.parse(seeds));
    List<SweepPlan.PlannedRun> runs = plan.runs();
    Files.createDirectories(out);
    System.out.printf("subnet-sim sweep: %s, %d points x %d seeds = %d runs -> %s%n", file,
        runs.size() / plan.seeds().size(), plan.seeds().size(), runs.size(),
        out.toAbsolutePath().normalize());
    int perRun = threads != null ? threads : jobs == 1 ? 2 : 1;
    List<SweepRow> rows = new SweepRunner(out, jobs, perRun, System.err).run(runs);
    SweepOutputs.write(out, "Sweep over " + file, plan, rows, plot, "");
    long failed = rows.stream().filter(r -> !r.passed()).count();
    for (SweepRow r : rows) {
      if (!r.passed()) {
        System.out.println("FAILED: " + r.point().label() + " seed " + r.seed() + " ("
            + out.resolve(r.run()) + ")");
      }
    }
    System.out.printf("%d of %d runs passed; sweep: %s%n", rows.size() - failed, rows.size(),
        out.resolve("sweep.html").toAbsolutePath().normalize());
    return failed == 0 ? SubnetSimCli.EXIT_OK : SubnetSimCli.EXIT_INVARIANT_FAILED;
  }

  private String text() {
    if (scenario == null) {
      return ScenarioLoader.catalogText(MainJobs.DEFAULT_SCENARIO);
    }
    return ScenarioLoader.text(scenario);
  }

  private List<FieldOverride> fixed() {
    if (durationSeconds == null) {
      return List.of();
    }
    String v = durationSeconds + "s";
    return List.of(new FieldOverride("duration", v, "--duration " + durationSeconds));
  }

  private SweepGrid grid() {
    List<SweepAxis> axes = new ArrayList<>();
    for (String s : sets) {
      axes.add(SweepAxis.parse(s, "--set " + s));
    }
    if (nodes != null) {
      String values = nodes.stream().map(String::valueOf).collect(Collectors.joining(","));
      axes.add(SweepAxis.parse("subnets[*].nodes=" + values, "--nodes " + values));
    }
    if (unitDelaysMs != null) {
      String values = unitDelaysMs.stream().map(d -> d + "ms").collect(Collectors.joining(","));
      axes.add(SweepAxis.parse("consensus.unit_delay=" + values, "--unit-delays " + values));
    }
    return new SweepGrid(axes, zip);
  }
}
