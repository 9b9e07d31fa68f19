package dev.subnetsim.scenarios.toy;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.scenarios.RunRandom;
import dev.subnetsim.scenarios.driver.SimulationConfig;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.HeightAgreementChecker;
import dev.subnetsim.scenarios.invariants.ProgressChecker;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.net.LogNormalLatency;
import dev.subnetsim.scenarios.topology.Topology;

/** Ready-made toy worlds for the driver tests and the benchmark. */
public final class ToyWorld {
  public static final long MS = 1_000_000L;
  public static final long PERIOD = 100 * MS;
  public static final int K = 3;

  private ToyWorld() {}

  /** Honest gossip logic; the generator is forked per (node, incarnation) from the run seed. */
  public static ReplicaLogicFactory honest(Topology topology, long seed) {
    return (node, inc) -> new GossipToyLogic(node, topology.subnetOf(node),
        topology.members(topology.subnetOf(node)), rng(seed, node, inc), K, PERIOD);
  }

  static java.util.random.RandomGenerator rng(long seed, NodeId node, int inc) {
    return RunRandom.forPurpose(seed, "toy/" + node.value() + "/" + inc);
  }

  /** Log-normal WAN-ish links: 10 ms floor + median 20 ms extra, 1 MB/s per link. */
  public static LinkModel.Builder wan() {
    return LinkModel.builder(new LogNormalLatency(10 * MS, 20 * MS, 0.5)).bandwidth(1_000_000);
  }

  /**
   * A full toy config: honest logic, WAN links, agreement + certified-state + progress (2 s)
   * checkers over the given fault schedule.
   */
  public static SimulationConfig.Builder config(Topology topology, long seed, FaultSchedule faults,
      long endNanos, int threads) {
    return SimulationConfig.builder(topology, honest(topology, seed), wan())
        .seed(seed)
        .faults(faults)
        .checker(HeightAgreementChecker.finalization(faults))
        .checker(HeightAgreementChecker.certifiedState(faults))
        .checker(new ProgressChecker(topology, faults, 2_000 * MS))
        .endNanos(endNanos)
        .dispatcherThreads(threads);
  }
}
