package dev.subnetsim.scenarios.engine;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import dev.subnetsim.scenarios.driver.DriverOutcome;
import dev.subnetsim.scenarios.driver.LiveHook;
import dev.subnetsim.scenarios.driver.SimulationConfig;
import dev.subnetsim.scenarios.driver.SimulationDriver;
import dev.subnetsim.scenarios.net.ClockSkew;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.topology.Topology;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scenario's world run live ({@code subnet-sim serve}): assembled and wired exactly as
 * {@link ScenarioRunner} does, but with every replica's clock anchored to a Unix epoch (a uniform
 * clock offset, so request expiries and certificate times are real dates), node signing keys and
 * the canister paths IC clients read in the registry and certified trees, no end but the one
 * the caller sets, and a {@link LiveHook} between driver windows through which outside clients'
 * messages come in and replica state is read.
 */
public final class LiveRun {
  private final ScenarioSpec spec;
  private final WorldAssembly.Assembled world;
  private final SimulationConfig config;

  private LiveRun(ScenarioSpec spec, WorldAssembly.Assembled world, SimulationConfig config) {
    this.spec = spec;
    this.world = world;
    this.config = config;
  }

  /**
   * @param epochNanos the Unix time (nanoseconds) replicas read at virtual time 0
   * @param endNanos virtual time at which the run stops
   */
  public static LiveRun assemble(ScenarioSpec scenario, long seed, long epochNanos,
      long endNanos, int dispatcherThreads) {
    ScenarioSpec spec = ScenarioRunner.withSeed(scenario, seed);
    WorldAssembly.Assembled world = WorldAssembly.assemble(spec);
    // Node signing keys and the canister paths clients read (not in batch runs' trees).
    world.factory().servedToClients();
    RunWiring.Wired wired = RunWiring.wire(world,
        new ScenarioRunner.Options(seed, dispatcherThreads, null, ""), world.factory());
    Map<NodeId, Long> skew = new TreeMap<>();
    world.world().topology().allNodes().forEach(n -> skew.put(n, epochNanos));
    SimulationConfig config = wired.config().clockSkew(new ClockSkew(skew)).endNanos(endNanos)
        .build();
    return new LiveRun(spec, world, config);
  }

  public ScenarioSpec spec() {
    return spec;
  }

  public Topology topology() {
    return world.world().topology();
  }

  /** The replicas' factory: subnets' execution setups, registry, and each node's replica. */
  public ConsensusReplicaFactory factory() {
    return world.factory();
  }

  /** Runs until the end time, a violation, or no events; blocks the calling thread. */
  public DriverOutcome run(LiveHook hook) {
    try (SimulationDriver driver = new SimulationDriver(config, hook)) {
      return driver.run();
    }
  }
}
