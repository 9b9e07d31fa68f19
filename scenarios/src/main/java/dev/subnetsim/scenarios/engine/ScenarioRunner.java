package dev.subnetsim.scenarios.engine;

import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.scenarios.driver.ReplicaHosts;
import dev.subnetsim.scenarios.driver.SimulationConfig;
import dev.subnetsim.scenarios.driver.SimulationDriver;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.trace.TraceSink;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Runs a parsed scenario end to end: assembles the world ({@link WorldAssembly}: consensus replicas
 * with real BLS and genesis keys by DKG, Byzantine behaviours mapped onto them), wires the
 * scenario's checkers and load ({@link RunWiring}), drives the simulation and maps its outcome to
 * the report model ({@link ResultMapping}). Everything the scenario asks for that this build cannot
 * simulate is listed as not checked, never silently dropped.
 */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /** Options of one run besides the scenario. */
  public record Options(long seed, int dispatcherThreads, TraceSink trace, String reproduce) {}

  public static ScenarioRun run(ScenarioSpec scenario, Options options) {
    return run(scenario, options, UnaryOperator.identity());
  }

  /**
   * A run whose replicas live in the hosts {@code hosting} opens for the world's nodes (a
   * cluster's members), which must create them with {@link #replicaFactory} of the same scenario
   * and seed; the driver, its checkers and the result stay in this JVM, and the driver closes the
   * hosts when the run ends.
   */
  public static ScenarioRun runHosted(ScenarioSpec scenario, Options options,
      Function<List<NodeId>, ReplicaHosts> hosting) {
    WorldAssembly.Assembled world = WorldAssembly.assemble(withSeed(scenario, options.seed()));
    RunWiring.Wired wired = RunWiring.wire(world, options, world.factory(), true);
    SimulationConfig config = wired.config().build();
    var outcome = SimulationDriver.run(config, hosting.apply(config.topology().allNodes()));
    return ResultMapping.map(world, wired, outcome, options);
  }

  /**
   * The replica logic a run of {@code scenario} with {@code seed} uses: what a cluster member
   * builds to host that run's replicas (the same function of scenario and seed as in one JVM).
   */
  public static ReplicaLogicFactory replicaFactory(ScenarioSpec scenario, long seed) {
    return WorldAssembly.assemble(withSeed(scenario, seed)).factory();
  }

  /**
   * A run with a planted bug: the world's real replica factory passes through {@code plant}, which
   * may wrap the logic it creates. Package-private, and no scenario field leads here: only tests
   * use it, to show that each invariant fails on real consensus when the system breaks it.
   */
  static ScenarioRun run(ScenarioSpec scenario, Options options,
      UnaryOperator<ReplicaLogicFactory> plant) {
    WorldAssembly.Assembled world = WorldAssembly.assemble(withSeed(scenario, options.seed()));
    RunWiring.Wired wired = RunWiring.wire(world, options, plant.apply(world.factory()));
    var outcome = SimulationDriver.run(wired.config().build());
    return ResultMapping.map(world, wired, outcome, options);
  }

  static ScenarioSpec withSeed(ScenarioSpec s, long seed) {
    return new ScenarioSpec(s.name(), s.description(), seed, s.durationNanos(), s.faultBudget(),
        s.subnets(), s.consensus(), s.cpu(), s.network(), s.workload(), s.faults(), s.invariants(),
        s.pass());
  }
}
