package dev.subnetsim.scenarios.engine;

import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.scenarios.driver.ReplicaHosts;
import dev.subnetsim.scenarios.driver.SimulationConfig;
import dev.subnetsim.scenarios.driver.SimulationDriver;
import dev.subnetsim.scenarios.spec.ConsensusSpec;
import dev.subnetsim.scenarios.spec.InvariantKind;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.trace.TraceSink;
import java.util.List;
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
   * Opens the hosts of a run's replicas elsewhere (a cluster's members), which must create them
   * with {@link #hostedReplicas} of the same scenario and seed, for the world's {@code nodes};
   * the hosts apply each window's {@link KeyReport}s to {@code keys} before answering the driver.
   */
  @FunctionalInterface
  public interface Hosting {
    ReplicaHosts open(List<NodeId> nodes, KeyMirror keys);
  }

  /**
   * A run whose replicas live in the hosts {@code hosting} opens; the driver, its checkers and
   * the result stay in this JVM, and the driver closes the hosts when the run ends.
   */
  public static ScenarioRun runHosted(ScenarioSpec scenario, Options options, Hosting hosting) {
    WorldAssembly.Assembled world = WorldAssembly.assemble(withSeed(scenario, options.seed()));
    KeyMirror keys = new KeyMirror(world.factory());
    RunWiring.Wired wired = RunWiring.wire(world, options, world.factory(), keys);
    SimulationConfig config = wired.config().build();
    var outcome = SimulationDriver.run(config,
        hosting.open(config.topology().allNodes(), keys));
    return ResultMapping.map(world, wired, outcome, options);
  }

  /** What a cluster member hosts a run's replicas with: their logic and its key reports. */
  public record Hosted(ReplicaLogicFactory factory, KeyReporter keys) {}

  /**
   * The replica logic a run of {@code scenario} with {@code seed} uses (the same function of
   * scenario and seed as in one JVM), and the reporter of its replicas' keys to the driver.
   */
  public static Hosted hostedReplicas(ScenarioSpec scenario, long seed) {
    WorldAssembly.Assembled world = WorldAssembly.assemble(withSeed(scenario, seed));
    // The secrets RunWiring's checker reads, and only those.
    boolean checked = scenario.invariants().contains(InvariantKind.NO_MASTER_SECRET);
    return new Hosted(world.factory(), new KeyReporter(world.factory(),
        world.world().topology().subnets().stream().map(s -> s.id()).toList(),
        checked && world.keysExist(),
        checked && scenario.consensus().crypto() == ConsensusSpec.Crypto.REAL));
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
