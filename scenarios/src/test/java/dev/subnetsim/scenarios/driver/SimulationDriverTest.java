package dev.subnetsim.scenarios.driver;

import static dev.subnetsim.scenarios.toy.ToyWorld.MS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.scenarios.RunRandom;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.ProgressChecker;
import dev.subnetsim.scenarios.net.ClockSkew;
import dev.subnetsim.scenarios.net.ConstantLatency;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.net.Partition;
import dev.subnetsim.scenarios.topology.Topology;
import dev.subnetsim.scenarios.toy.ForkingToyLogic;
import dev.subnetsim.scenarios.toy.ToyWorld;
import dev.subnetsim.scenarios.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulationDriverTest {
  private static final Topology FOUR = Topology.singleSubnet("app", 4);
  private static final NodeId N0 = new NodeId(0);
  private static final NodeId N1 = new NodeId(1);
  private static final NodeId N2 = new NodeId(2);
  private static final NodeId N3 = new NodeId(3);

  @Test
  void anHonestToySubnetFinalizesSteadilyUntilTheEndTime() {
    DriverOutcome r = SimulationDriver.run(
        ToyWorld.config(FOUR, 5, FaultSchedule.none(), 2_000 * MS, 2).build());

    assertThat(r.stopReason()).isEqualTo(StopReason.END_TIME);
    assertThat(r.virtualNanos()).isEqualTo(2_000 * MS);
    assertThat(r.passed()).isTrue();
    // 3 pings per period reach each node, one height per K = 3 pings: ~1 height per 100 ms.
    assertThat(r.maxFinalizedHeight().get(new SubnetId("app"))).isBetween(17L, 21L);
  }

  @Test
  void aReplicaFinalizingAConflictingBlockStopsTheRunWithAnAgreementViolation() {
    SimulationConfig base = ToyWorld.config(FOUR, 5, FaultSchedule.none(), 5_000 * MS, 2).build();
    DriverOutcome r = SimulationDriver.run(base.withLogic((node, inc) -> node.equals(N3)
        ? new ForkingToyLogic(node, new SubnetId("app"), FOUR.allNodes(),
            RunRandom.forPurpose(5, "toy/3/" + inc), ToyWorld.K, ToyWorld.PERIOD, 5)
        : ToyWorld.honest(FOUR, 5).create(node, inc)));

    assertThat(r.stopReason()).isEqualTo(StopReason.VIOLATION);
    assertThat(r.violations()).extracting(v -> v.invariant()).contains("agreement");
    assertThat(r.violations().get(0).detail()).contains("height 5").contains("node-3");
    assertThat(r.virtualNanos()).isLessThan(1_000 * MS);
  }

  @Test
  void aByzantineNodesConflictingClaimsAreNotAViolation() {
    FaultSchedule byzantine = new FaultSchedule(List.of(), Set.of(N3));
    SimulationConfig base = ToyWorld.config(FOUR, 5, byzantine, 1_500 * MS, 1).build();
    DriverOutcome r = SimulationDriver.run(base.withLogic((node, inc) -> node.equals(N3)
        ? new ForkingToyLogic(node, new SubnetId("app"), FOUR.allNodes(),
            RunRandom.forPurpose(5, "toy/3/" + inc), ToyWorld.K, ToyWorld.PERIOD, 2)
        : ToyWorld.honest(FOUR, 5).create(node, inc)));

    assertThat(r.passed()).isTrue();
    assertThat(r.stopReason()).isEqualTo(StopReason.END_TIME);
  }

  @Test
  void aHealthySubnetThatNeverFinalizesIsAProgressViolationAtTheBound() {
    FaultSchedule none = FaultSchedule.none();
    SimulationConfig cfg = SimulationConfig.builder(FOUR, (n, i) -> new SilentLogic(n),
            LinkModel.builder(new ConstantLatency(10 * MS)))
        .checker(new ProgressChecker(FOUR, none, 500 * MS))
        .ingress(2_000 * MS, N0, new byte[] {9}) // keeps the queue non-empty past the bound
        .endNanos(5_000 * MS)
        .build();

    DriverOutcome r = SimulationDriver.run(cfg);

    assertThat(r.stopReason()).isEqualTo(StopReason.VIOLATION);
    assertThat(r.violations()).singleElement()
        .satisfies(v -> assertThat(v.invariant()).isEqualTo("progress"));
  }

  @Test
  void aWorldWithNothingLeftToDoStopsForLackOfEvents() {
    DriverOutcome r = SimulationDriver.run(SimulationConfig.builder(FOUR, (n, i) -> new SilentLogic(n),
        LinkModel.builder(new ConstantLatency(10 * MS))).endNanos(5_000 * MS).build());

    assertThat(r.stopReason()).isEqualTo(StopReason.NO_EVENTS);
    assertThat(r.virtualNanos()).isZero();
  }

  @Test
  void aReplicasClockIsVirtualTimePlusItsSkew() {
    List<TraceEvent> trace = new ArrayList<>();
    SimulationDriver.run(SimulationConfig.builder(FOUR, (n, i) -> new SilentLogic(n),
            LinkModel.builder(new ConstantLatency(10 * MS)))
        .clockSkew(new ClockSkew(Map.of(N1, 7 * MS, N2, -3 * MS)))
        .traceSink(trace::add)
        .build());

    assertThat(trace).filteredOn(e -> e instanceof TraceEvent.Observed).hasSize(4)
        .allSatisfy(e -> assertThat(e.timeNanos()).as("virtual time of the observation").isZero())
        .extracting(e -> ((Observation.Metric) ((TraceEvent.Observed) e).observation()).value())
        .containsExactly(0.0, 7e6, -3e6, 0.0);
  }

  @Test
  void partitionedLinksDropOnlyDuringThePartitionAndCrashedReceiversDropUntilRestart() {
    List<TraceEvent> trace = new ArrayList<>();
    FaultSchedule faults = new FaultSchedule(List.of(
        new Fault.PartitionNetwork(300 * MS, new Partition(List.of(Set.of(N0, N1)))),
        new Fault.Heal(600 * MS),
        new Fault.Crash(800 * MS, N3),
        new Fault.Restart(1_100 * MS, N3)), Set.of());
    DriverOutcome r = SimulationDriver.run(
        ToyWorld.config(FOUR, 9, faults, 1_500 * MS, 2).traceSink(trace::add).build());

    assertThat(r.passed()).isTrue();
    List<TraceEvent.Dropped> drops = trace.stream()
        .filter(e -> e instanceof TraceEvent.Dropped).map(e -> (TraceEvent.Dropped) e).toList();
    assertThat(drops).filteredOn(d -> d.reason().equals("partition")).isNotEmpty()
        .allSatisfy(d -> {
          assertThat(d.timeNanos()).isBetween(300 * MS, 600 * MS - 1);
          assertThat(Set.of(N0, N1).contains(d.from())).isNotEqualTo(Set.of(N0, N1).contains(d.to()));
        });
    assertThat(drops).filteredOn(d -> d.reason().equals("receiver-down")).isNotEmpty()
        .allSatisfy(d -> {
          assertThat(d.to()).isEqualTo(N3);
          assertThat(d.timeNanos()).isBetween(800 * MS, 1_100 * MS - 1);
        });
    assertThat(trace).filteredOn(e -> e instanceof TraceEvent.Delivered dl
            && dl.from().equals(N3) && dl.timeNanos() > 850 * MS && dl.timeNanos() < 1_100 * MS)
        .as("a crashed node sends nothing").isEmpty();
  }

  @Test
  void aRestartedReplicaDoesNotReceiveTimersOfItsPreviousIncarnation() {
    List<TraceEvent> trace = new ArrayList<>();
    FaultSchedule faults = new FaultSchedule(List.of(
        new Fault.Crash(505 * MS, N3), new Fault.Restart(510 * MS, N3)), Set.of());
    SimulationDriver.run(ToyWorld.config(FOUR, 3, faults, 2_000 * MS, 1)
        .traceSink(trace::add).build());

    long pingsFrom3 = trace.stream().filter(e -> e instanceof TraceEvent.Delivered d
        && d.from().equals(N3) && d.kind().equals("beacon-share")
        && d.timeNanos() > 1_000 * MS).count();
    long pingsFrom0 = trace.stream().filter(e -> e instanceof TraceEvent.Delivered d
        && d.from().equals(N0) && d.kind().equals("beacon-share")
        && d.timeNanos() > 1_000 * MS).count();
    // One ping stream per live incarnation: a leaked old timer chain would double node 3's rate.
    assertThat(pingsFrom3).isBetween(pingsFrom0 - 3, pingsFrom0 + 3);
  }

  @Test
  void eventsWithinOneLookaheadAreSteppedInOneBatch() {
    DriverOutcome r = SimulationDriver.run(SimulationConfig.builder(FOUR, ToyWorld.honest(FOUR, 1),
            LinkModel.builder(new ConstantLatency(50 * MS)))
        .seed(1).endNanos(1_000 * MS).dispatcherThreads(4).build());

    // At most one window per 50 ms lookahead (plus the start window), yet many more logic steps.
    assertThat(r.batches()).isLessThanOrEqualTo(1_000 / 50 + 1);
    assertThat(r.logicSteps()).isGreaterThan(4 * r.batches());
  }

  @Test
  void aReplicaLogicThatThrowsEndsTheRunWithARobustnessFindingInsteadOfHanging() {
    SimulationConfig cfg = SimulationConfig.builder(FOUR, (n, i) -> (now, events) -> {
      if (n.equals(N2)) {
        throw new IllegalStateException("bad block at height 3");
      }
      return dev.subnetsim.replica.StepOutput.EMPTY;
    }, LinkModel.builder(new ConstantLatency(10 * MS))).build();

    DriverOutcome r = SimulationDriver.run(cfg);

    assertThat(r.stopReason()).isEqualTo(StopReason.VIOLATION);
    assertThat(r.violations()).singleElement().satisfies(v -> {
      assertThat(v.invariant()).isEqualTo("replica-robustness");
      assertThat(v.detail()).contains("node-2", "bad block at height 3");
    });
  }

  @Test
  void aDriverRunsOnlyOnce() {
    try (SimulationDriver driver = new SimulationDriver(SimulationConfig.builder(FOUR,
        (n, i) -> new SilentLogic(n), LinkModel.builder(new ConstantLatency(10 * MS))).build())) {
      driver.run();
      org.assertj.core.api.Assertions.assertThatThrownBy(driver::run)
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("runs once");
    }
  }
}
