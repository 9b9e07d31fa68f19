package dev.subnetsim.scenarios.driver;

import static dev.subnetsim.scenarios.toy.ToyWorld.MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.HeightAgreementChecker;
import dev.subnetsim.scenarios.invariants.ProgressChecker;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.net.Partition;
import dev.subnetsim.scenarios.net.UniformLatency;
import dev.subnetsim.scenarios.topology.Topology;
import dev.subnetsim.scenarios.toy.QuorumToyLogic;
import dev.subnetsim.scenarios.trace.TraceEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Faults with observable effects, on the quorum toy (n-f votes finalize a height): the progress
 * checker demands progress exactly when the fault schedule says the subnet is healthy.
 */
class QuorumWorldTest {
  private static final Topology FOUR = Topology.singleSubnet("app", 4);
  private static final NodeId N0 = new NodeId(0);
  private static final NodeId N2 = new NodeId(2);
  private static final NodeId N3 = new NodeId(3);

  /** Per node: (virtual time, height) of every finalization, from the trace. */
  private static final class Heights {
    final TreeMap<NodeId, TreeMap<Long, Long>> byNode = new TreeMap<>();

    void accept(TraceEvent e) {
      if (e instanceof TraceEvent.Observed o && o.observation() instanceof Observation.Finalized f) {
        byNode.computeIfAbsent(o.node(), k -> new TreeMap<>()).put(e.timeNanos(), f.height());
      }
    }

    long at(NodeId node, long t) {
      var entry = byNode.getOrDefault(node, new TreeMap<>()).floorEntry(t);
      return entry == null ? 0 : entry.getValue();
    }
  }

  private static DriverOutcome run(FaultSchedule faults, long end, Heights heights) {
    return SimulationDriver.run(SimulationConfig.builder(FOUR,
            (node, inc) -> new QuorumToyLogic(node, FOUR.subnetOf(node), FOUR.allNodes(), 200 * MS),
            LinkModel.builder(new UniformLatency(5 * MS, 30 * MS)))
        .seed(3)
        .faults(faults)
        .checker(HeightAgreementChecker.finalization(faults))
        .checker(new ProgressChecker(FOUR, faults, 1_000 * MS))
        .traceSink(heights::accept)
        .endNanos(end)
        .dispatcherThreads(2)
        .build());
  }

  @Test
  void withFCrashedTheSubnetKeepsFinalizing() {
    Heights h = new Heights();
    DriverOutcome r = run(new FaultSchedule(List.of(new Fault.Crash(1_000 * MS, N3)), Set.of()),
        4_000 * MS, h);

    assertThat(r.passed()).as("violations %s", r.violations()).isTrue();
    assertThat(h.at(N0, 4_000 * MS)).isGreaterThan(h.at(N0, 1_000 * MS) + 20);
    assertThat(h.at(N3, 4_000 * MS)).isEqualTo(h.at(N3, 1_000 * MS));
  }

  @Test
  void withFPlusOneCrashedNothingIsFinalizedNoViolationIsRaisedAndRestartRecovers() {
    Heights h = new Heights();
    FaultSchedule faults = new FaultSchedule(List.of(
        new Fault.Crash(1_000 * MS, N2), new Fault.Crash(1_000 * MS, N3),
        new Fault.Restart(3_000 * MS, N2), new Fault.Restart(3_000 * MS, N3)), Set.of());
    DriverOutcome r = run(faults, 6_000 * MS, h);

    assertThat(r.passed()).as("stall while unhealthy is not a violation: %s", r.violations())
        .isTrue();
    long stalled = h.at(N0, 1_100 * MS);
    assertThat(h.at(N0, 2_990 * MS)).as("no quorum, no progress").isEqualTo(stalled);
    assertThat(h.at(N0, 6_000 * MS)).isGreaterThan(stalled + 20);
    assertThat(h.at(N3, 6_000 * MS)).as("the restarted replica caught up")
        .isGreaterThanOrEqualTo(h.at(N0, 6_000 * MS) - 1);
  }

  @Test
  void onlyTheSideOfAPartitionWithAQuorumProgressesAndTheMinorityCatchesUpAfterHeal() {
    Heights h = new Heights();
    FaultSchedule faults = new FaultSchedule(List.of(
        new Fault.PartitionNetwork(1_000 * MS, new Partition(List.of(Set.of(N0)))),
        new Fault.Heal(3_000 * MS)), Set.of());
    DriverOutcome r = run(faults, 5_000 * MS, h);

    assertThat(r.passed()).as("violations %s", r.violations()).isTrue();
    long minorityAtSplit = h.at(N0, 1_100 * MS);
    assertThat(h.at(N0, 2_990 * MS)).isEqualTo(minorityAtSplit);
    assertThat(h.at(N3, 2_990 * MS)).isGreaterThan(h.at(N3, 1_100 * MS) + 15);
    assertThat(h.at(N0, 5_000 * MS)).isGreaterThanOrEqualTo(h.at(N3, 5_000 * MS) - 1);
  }

  @Test
  void aStallTheScheduleDoesNotExplainIsAProgressViolation() {
    // The network is partitioned 2/2 by the link model, but the checker is told the world is
    // healthy: the stall must be reported. (Shows the checker and the injector are separate.)
    Heights h = new Heights();
    FaultSchedule injected = new FaultSchedule(List.of(new Fault.PartitionNetwork(1_000 * MS,
        new Partition(List.of(Set.of(N0, new NodeId(1))))), new Fault.Heal(4_000 * MS)), Set.of());
    DriverOutcome r = SimulationDriver.run(SimulationConfig.builder(FOUR,
            (node, inc) -> new QuorumToyLogic(node, FOUR.subnetOf(node), FOUR.allNodes(), 200 * MS),
            LinkModel.builder(new UniformLatency(5 * MS, 30 * MS)))
        .seed(3)
        .faults(injected)
        .checker(new ProgressChecker(FOUR, FaultSchedule.none(), 1_000 * MS))
        .traceSink(h::accept)
        .endNanos(5_000 * MS)
        .build());

    assertThat(r.stopReason()).isEqualTo(StopReason.VIOLATION);
    assertThat(r.violations()).singleElement().satisfies(v -> {
      assertThat(v.invariant()).isEqualTo("progress");
      assertThat(v.timeNanos()).isBetween(2_000 * MS, 2_300 * MS);
    });
  }
}
