package dev.subnetsim.scenarios.driver;

import static dev.subnetsim.scenarios.toy.ToyWorld.MS;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.net.ClockSkew;
import dev.subnetsim.scenarios.net.Partition;
import dev.subnetsim.scenarios.toy.ToyWorld;
import dev.subnetsim.scenarios.spec.SubnetRole;
import dev.subnetsim.scenarios.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixed world of the determinism tests: two subnets (4 + 7 nodes, two regions), log-normal
 * links with bandwidth, clock skew, a crash and restart, and a partition that heals. Everything
 * the driver does is exercised, so any order dependence shows up in the trace hash.
 */
final class DeterminismWorld {
  static final long END = 3_000 * MS;

  private DeterminismWorld() {}

  static Topology topology() {
    return Topology.builder()
        .subnet("root", SubnetRole.ROOT, 4, "eu", "us")
        .subnet("app", SubnetRole.APP, 7, "eu", "us", "asia")
        .build();
  }

  static FaultSchedule faults() {
    return new FaultSchedule(List.of(
        new Fault.Crash(700 * MS, new NodeId(2)),
        new Fault.PartitionNetwork(1_000 * MS, new Partition(List.of(
            Set.of(new NodeId(4), new NodeId(5))))),
        new Fault.Restart(1_300 * MS, new NodeId(2)),
        new Fault.Heal(1_800 * MS)), Set.of());
  }

  static SimulationConfig.Builder config(long seed, int threads) {
    return ToyWorld.config(topology(), seed, faults(), END, threads)
        .clockSkew(new ClockSkew(Map.of(new NodeId(1), 3 * MS, new NodeId(6), -2 * MS)))
        .ingress(500 * MS, new NodeId(7), new byte[] {1, 2, 3});
  }
}
