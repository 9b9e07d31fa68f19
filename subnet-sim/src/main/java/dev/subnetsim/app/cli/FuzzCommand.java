package dev.subnetsim.app.cli;

import dev.subnetsim.app.run.MainJobs;
import dev.subnetsim.scenarios.dsl.ScenarioLoader;
import dev.subnetsim.scenarios.engine.ScenarioRun;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import dev.subnetsim.scenarios.engine.ScheduleFuzzer;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.world.SpecWorld;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code subnet-sim fuzz [FILE] --seeds N}: random fault schedules on a scenario's topology
 * (default: the flagship's), within the f < n/3 budget or, with {@code --beyond-threshold},
 * beyond it. Prints every failing seed with the command that reproduces it; exit 1 if any seed
 * failed (within the budget a failure is a bug; beyond it, finding none means the checkers are
 * blind).
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
    description = "Run random fault schedules from seeds and report failing seeds.")
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

  @Option(names = "--beyond-threshold", description = "Let more than f nodes per subnet fail at once.")
  boolean beyond;

  @Option(names = "--threads", defaultValue = "2", description = "Dispatcher threads.")
  int threads;

  @Override
  public Integer call() {
    ScenarioSpec base = scenario == null ? ScenarioLoader.catalog(MainJobs.DEFAULT_SCENARIO)
        : ScenarioLoader.load(scenario);
    long duration = (long) (durationSeconds * 1e9);
    ScenarioSpec shortened = new ScenarioSpec(base.name(), base.description(), base.seed(),
        duration, base.faultBudget(), base.subnets(), base.consensus(), base.network(),
        base.workload(), base.faults(), base.invariants(), base.pass());
    // A stall is what the liveness checker would call one: no finalization for its bound.
    long stallBound = SpecWorld.defaultLivenessBoundNanos(base);
    System.out.printf("subnet-sim fuzz: topology of %s, %d seeds from %d, %.0f s each, %s the "
            + "f < n/3 budget; a stall is a finalization gap > %.0f s%n", base.name(), seeds,
        firstSeed, durationSeconds, beyond ? "BEYOND" : "within", stallBound / 1e9);
    int failures = 0;
    for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
      ScenarioSpec fuzzed = ScheduleFuzzer.fuzz(shortened, seed, beyond);
      ScenarioRun run = ScenarioRunner.run(fuzzed, new ScenarioRunner.Options(seed, threads, null,
          ""));
      boolean stalled = run.maxGapNanos() > stallBound;
      String violated = run.result().invariants().stream()
          .filter(i -> i.status() == InvariantResult.Status.VIOLATED).map(InvariantResult::name)
          .toList().toString();
      boolean failed = run.violated() || stalled;
      System.out.printf("seed %d: %s (%d faults; longest finalization gap %s)%s%n", seed,
          failed ? "FAILED" : "ok", fuzzed.faults().size(), run.worstGap(),
          run.violated() ? " violated " + violated : stalled ? " STALL" : "");
      if (failed) {
        failures++;
        System.out.printf("  reproduce: subnet-sim/bin/subnet-sim fuzz%s --first-seed %d --seeds 1"
                + " --duration %s%s%n", scenario == null ? "" : " " + scenario, seed,
            durationSeconds, beyond ? " --beyond-threshold" : "");
      }
    }
    System.out.printf("%d of %d seeds failed%n", failures, seeds);
    return failures == 0 ? SubnetSimCli.EXIT_OK : SubnetSimCli.EXIT_INVARIANT_FAILED;
  }
}
