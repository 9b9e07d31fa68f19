package dev.subnetsim.scenarios.consensus;

import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import dev.subnetsim.scenarios.driver.SimulationConfig;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.HeightAgreementChecker;
import dev.subnetsim.scenarios.invariants.ProgressChecker;
import dev.subnetsim.scenarios.invariants.SignatureValidityChecker;
import dev.subnetsim.scenarios.net.ConstantLatency;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds simulated worlds of consensus replicas (real BLS) for the tests. */
final class ConsensusWorld {
  static final long MS = 1_000_000L;
  static final long S = 1_000 * MS;

  private ConsensusWorld() {}

  static Map<SubnetId, List<NodeId>> subnets(Topology t) {
    Map<SubnetId, List<NodeId>> m = new TreeMap<>();
    t.subnets().forEach(s -> m.put(s.id(), t.members(s.id())));
    return m;
  }

  /**
   * A config with constant 20 ms links, consensus with the given unit delay, the agreement and
   * certified-state checkers, and a progress checker with {@code progressBound}.
   */
  static SimulationConfig.Builder config(Topology topology, long seed, FaultSchedule faults,
      Map<NodeId, Set<ByzantineBehaviour>> byzantine, long unitDelay, long progressBound,
      long end, int threads) {
    return config(factory(topology, seed, byzantine, unitDelay, false), topology, seed, faults,
        progressBound, end, threads);
  }

  /** Replicas of every subnet of {@code topology}; with chain keys on every subnet if asked. */
  static ConsensusReplicaFactory factory(Topology topology, long seed,
      Map<NodeId, Set<ByzantineBehaviour>> byzantine, long unitDelay, boolean chainKeys) {
    Map<SubnetId, List<NodeId>> subnets = subnets(topology);
    return new ConsensusReplicaFactory(seed, subnets,
        s -> new ConsensusConfig(s, subnets.get(s), unitDelay, unitDelay * 3 / 10, 1000, 10),
        byzantine, VerificationCache.shared(), s -> chainKeys);
  }

  static SimulationConfig.Builder config(ReplicaLogicFactory factory, Topology topology,
      long seed, FaultSchedule faults, long progressBound, long end, int threads) {
    return config(factory, topology, seed, faults, progressBound, end, threads,
        new ConstantLatency(20 * MS));
  }

  static SimulationConfig.Builder config(ReplicaLogicFactory factory, Topology topology,
      long seed, FaultSchedule faults, long progressBound, long end, int threads,
      dev.subnetsim.scenarios.net.LatencyModel latency) {
    return SimulationConfig.builder(topology, factory, LinkModel.builder(latency))
        .seed(seed)
        .faults(faults)
        .checker(HeightAgreementChecker.finalization(faults))
        .checker(HeightAgreementChecker.certifiedState(faults))
        .checker(new ProgressChecker(topology, faults, progressBound))
        .checker(SignatureValidityChecker.icConsensus(faults,
            SignatureValidityChecker.ExpectedKeys.unknown()))
        .endNanos(end)
        .dispatcherThreads(threads);
  }
}
