package dev.subnetsim.app.cli;

import dev.subnetsim.app.fuzz.FuzzCampaign;
import dev.subnetsim.app.fuzz.FuzzReports;
import dev.subnetsim.app.fuzz.SeedReport;
import dev.subnetsim.app.run.MainJobs;
import dev.subnetsim.app.run.ProgressBar;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.fuzz.FaultFuzzer;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code subnet-sim fuzz [FILE] --seeds N}: random fault schedules on a scenario's topology,
 * network and workload (default: the flagship's), within the f < n/3 budget or, with
 * {@code --beyond-threshold}, beyond it. Prints every seed's result and each failing seed's
 * reproduce command; with {@code --out DIR} writes fuzz.json, junit.xml, every failing seed's run
 * folder and its shrunk scenario. Exit 1 if any seed failed (within the budget a failure is a
 * bug; beyond it, finding none means the checkers are blind).
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
    description = "Run random fault schedules from seeds, report and shrink failing seeds.")
final class FuzzCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "Scenario whose topology, network and workload to use (default: flagship).")
  Path scenario;

  @Option(names = "--seeds", defaultValue = "20", description = "How many seeds (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--first-seed", defaultValue = "1", description = "First seed (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--duration", defaultValue = "20", description = "Simulated seconds per run (default: ${DEFAULT-VALUE}).")
  double durationSeconds;

  @Option(names = "--beyond-threshold", description = "Draw more than f faulty nodes per subnet: Byzantine coalitions (forks) or crashes (stalls).")
  boolean beyond;

  @Option(names = "--threads", defaultValue = "2", description = "Dispatcher threads per run (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--jobs", defaultValue = "1", description = "Seeds run at once (results do not depend on it; default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--out", paramLabel = "DIR", description = "Write fuzz.json, junit.xml and each failing seed's run folder and shrunk scenario here.")
  Path out;

  @Option(names = "--shrink-runs", defaultValue = "24", description = "Runs spent shrinking each failing seed (with --out; 0: no shrinking; default: ${DEFAULT-VALUE}).")
  int shrinkRuns;

  @Override
  public Integer call() throws Exception {
    if (seeds < 1 || jobs < 1 || threads < 1 || shrinkRuns < 0 || !(durationSeconds > 0)) {
      System.err.println("subnet-sim fuzz: --seeds, --jobs and --threads must be at least 1, "
          + "--shrink-runs at least 0 and --duration positive");
      return SubnetSimCli.EXIT_BAD_INPUT;
    }
    ScenarioSpec loaded = scenario == null ? ScenarioLoader.catalog(MainJobs.DEFAULT_SCENARIO)
        : ScenarioLoader.load(scenario);
    ScenarioSpec base = new ScenarioSpec(loaded.name(), loaded.description(), loaded.seed(),
        (long) (durationSeconds * 1e9), loaded.faultBudget(), loaded.subnets(),
        loaded.consensus(), loaded.cpu(), loaded.network(), loaded.workload(), loaded.faults(),
        loaded.invariants(), loaded.pass());
    FaultFuzzer.Budget budget = beyond ? FaultFuzzer.Budget.BEYOND_F
        : FaultFuzzer.Budget.WITHIN_F;
    String prefix = "subnet-sim/bin/subnet-sim fuzz" + (scenario == null ? "" : " " + scenario)
        + " --duration " + durationSeconds + (beyond ? " --beyond-threshold" : "");
    if (out != null) {
      Files.createDirectories(out);
    }
    FuzzCampaign campaign = new FuzzCampaign(base, budget, threads, shrinkRuns,
        Optional.ofNullable(out), prefix);
    System.out.printf("subnet-sim fuzz: topology of %s, %d seeds from %d, %.0f s each, %s the "
            + "f < n/3 budget, %d at a time%n", loaded.name(), seeds, firstSeed, durationSeconds,
        beyond ? "BEYOND" : "within", jobs);
    ProgressBar bar = ProgressBar.onTerminal()
        ? ProgressBar.counting(System.err, seeds, "seeds") : null;
    int[] done = {0};
    List<SeedReport> reports = campaign.run(firstSeed, seeds, jobs, r -> {
      if (bar != null) {
        bar.clear();
      }
      print(r);
      if (bar != null) {
        bar.advanceTo(++done[0]);
      }
    });
    if (bar != null) {
      bar.finish();
    }
    long failures = reports.stream().filter(SeedReport::failed).count();
    if (out != null) {
      Files.writeString(out.resolve("fuzz.json"), FuzzReports.json(campaign, reports, jobs),
          StandardCharsets.UTF_8);
      Files.writeString(out.resolve("junit.xml"), FuzzReports.junit(campaign, reports),
          StandardCharsets.UTF_8);
      System.out.println("output: " + out.toAbsolutePath().normalize());
    }
    System.out.printf("%d of %d seeds failed%n", failures, seeds);
    return failures == 0 ? SubnetSimCli.EXIT_OK : SubnetSimCli.EXIT_INVARIANT_FAILED;
  }

  private static void print(SeedReport r) {
    String gap = r.fuzzCase().run().map(run -> "; longest finalization gap " + run.worstGap()
        + "; trace " + run.result().traceHash().substring(0,
            Math.min(12, run.result().traceHash().length()))).orElse("");
    System.out.printf("seed %d: %s (%d faults%s)%s%n", r.seed(),
        r.failed() ? "FAILED " + r.result() : "ok", r.fuzzCase().scenario().faults().size(), gap,
        r.fuzzCase().finding().map(f -> ": " + f.detail()).orElse(""));
    if (r.failed()) {
      r.shrunk().ifPresent(s -> System.out.printf("  shrunk to %d of %d faults, %.1f s (%d runs)%n",
          s.scenario().faults().size(), s.faultsBefore(), s.scenario().durationNanos() / 1e9,
          s.runs()));
      System.out.println("  reproduce: " + r.reproduce());
    }
  }
}
