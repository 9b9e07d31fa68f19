package dev.subnetsim.scenarios.driver;

import static dev.subnetsim.scenarios.toy.ToyWorld.MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.net.ClockSkew;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.net.LogNormalLatency;
import dev.subnetsim.scenarios.net.Partition;
import dev.subnetsim.scenarios.toy.ToyWorld;
import dev.subnetsim.scenarios.spec.SubnetRole;
import dev.subnetsim.scenarios.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Determinism at scale: three subnets, 40 nodes, every fault kind, 1/2/4 threads. */
class LargeWorldDeterminismTest {

  private static SimulationConfig config(int threads) {
    Topology topology = Topology.builder()
        .subnet("root", SubnetRole.ROOT, 13, "eu", "us", "asia")
        .subnet("signing", SubnetRole.SIGNING, 13, "eu", "us")
        .subnet("app", SubnetRole.APP, 14, "eu")
        .build();
    FaultSchedule faults = new FaultSchedule(List.of(
        new Fault.Crash(1_000 * MS, new NodeId(3)),
        new Fault.Pause(1_500 * MS, new NodeId(20), 2_500 * MS),
        new Fault.SkewClock(2_000 * MS, new NodeId(30), 40 * MS),
        new Fault.PartitionNetwork(3_000 * MS, new Partition(List.of(
            Set.of(new NodeId(13), new NodeId(14), new NodeId(15))))),
        new Fault.DegradeLinks(3_500 * MS, Set.of(new NodeId(27)), Set.of(new NodeId(28)), 0.3,
            15 * MS, 6_000 * MS),
        new Fault.Restart(4_000 * MS, new NodeId(3)),
        new Fault.Heal(5_000 * MS)), Set.of());
    return ToyWorld.config(topology, 99, faults, 8_000 * MS, threads)
        .clockSkew(new ClockSkew(Map.of(new NodeId(5), 7 * MS)))
        .build()
        .withNetwork(LinkModel.builder(new LogNormalLatency(5 * MS, 30 * MS, 0.6))
            .loss(0.01).bandwidth(2_000_000));
  }

  @Test
  void fortyNodesWithEveryFaultKindReplayIdenticallyOnOneTwoAndFourThreads() {
    ReplayCheck.Report report = ReplayCheck.run(LargeWorldDeterminismTest::config, 1, 2, 4);

    assertThat(report.deterministic()).as("hashes %s", report.traceHashes()).isTrue();
  }
}
