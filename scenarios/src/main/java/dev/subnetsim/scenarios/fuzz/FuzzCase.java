package dev.subnetsim.scenarios.fuzz;

import dev.subnetsim.scenarios.engine.ScenarioRun;
import dev.subnetsim.scenarios.engine.ScenarioRunner;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.trace.TraceSink;
import java.util.Optional;

/**
 * One fuzzed seed: the drawn scenario, its run (none if it threw) and what it found. The run's
 * seed is the fuzz seed, so the scenario file alone (its {@code seed} field) reproduces the run.
 */
public record FuzzCase(long seed, ScenarioSpec scenario, Optional<ScenarioRun> run,
    Optional<Finding> finding) {

  /** Draws the schedule of {@code seed} on {@code base} and runs it. */
  public static FuzzCase run(ScenarioSpec base, long seed, FaultFuzzer.Budget budget, int threads,
      TraceSink trace, String reproduce) {
    return runScenario(FaultFuzzer.fuzz(base, seed, budget), threads, trace, reproduce);
  }

  /**
   * Runs an already drawn (or shrunk) scenario under its own seed. An exception ends only this
   * run: it is the seed's finding, and the campaign goes on.
   */
  public static FuzzCase runScenario(ScenarioSpec scenario, int threads, TraceSink trace,
      String reproduce) {
    ScenarioRun run;
    try {
      run = ScenarioRunner.run(scenario,
          new ScenarioRunner.Options(scenario.seed(), threads, trace, reproduce));
    } catch (RuntimeException e) {
      return new FuzzCase(scenario.seed(), scenario, Optional.empty(),
          Optional.of(Finding.thrown(e)));
    }
    return new FuzzCase(scenario.seed(), scenario, Optional.of(run), Finding.of(scenario, run));
  }

  public boolean failed() {
    return finding.isPresent();
  }
}
