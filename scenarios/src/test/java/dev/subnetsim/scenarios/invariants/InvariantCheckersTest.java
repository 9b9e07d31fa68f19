package dev.subnetsim.scenarios.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.net.Partition;
import dev.subnetsim.scenarios.topology.Topology;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvariantCheckersTest {
  private static final SubnetId APP = new SubnetId("app");
  private static final Topology FOUR = Topology.singleSubnet("app", 4);
  private static final NodeId N0 = new NodeId(0);
  private static final NodeId N1 = new NodeId(1);
  private static final NodeId N2 = new NodeId(2);
  private static final NodeId N3 = new NodeId(3);

  private static Observation fin(long h, int hash) {
    return new Observation.Finalized(APP, h, Bytes.of(new byte[] {(byte) hash}));
  }

  @Test
  void twoHonestReplicasFinalizingDifferentBlocksAtOneHeightViolateAgreement() {
    InvariantChecker c = HeightAgreementChecker.finalization(FaultSchedule.none());
    assertThat(c.onObservation(1, N0, fin(1, 7))).isEmpty();
    assertThat(c.onObservation(2, N1, fin(1, 7))).isEmpty();
    assertThat(c.onObservation(3, N1, fin(2, 8))).isEmpty();

    List<Violation> v = c.onObservation(4, N2, fin(1, 9));
    assertThat(v).singleElement().satisfies(x -> {
      assertThat(x.invariant()).isEqualTo("agreement");
      assertThat(x.detail()).contains("height 1", "node-0", "node-2", "07", "09");
    });
  }

  @Test
  void aByzantineReplicasConflictingFinalizationIsIgnored() {
    InvariantChecker c = HeightAgreementChecker.finalization(new FaultSchedule(List.of(), Set.of(N3)));
    c.onObservation(1, N0, fin(1, 7));
    assertThat(c.onObservation(2, N3, fin(1, 9))).isEmpty();
  }

  @Test
  void conflictingCertifiedStateRootsAreDetectedAndFinalizationsDoNotCount() {
    InvariantChecker c = HeightAgreementChecker.certifiedState(FaultSchedule.none());
    assertThat(c.onObservation(1, N0, fin(1, 1))).isEmpty();
    assertThat(c.onObservation(1, N0,
        new Observation.StateCertified(APP, 5, Bytes.of(new byte[] {1}))))
        .isEmpty();
    assertThat(c.onObservation(2, N1,
        new Observation.StateCertified(APP, 5, Bytes.of(new byte[] {2}))))
        .singleElement().extracting(Violation::invariant).isEqualTo("certified-state-agreement");
  }

  @Test
  void aHealthySubnetThatStallsLongerThanTheBoundViolatesProgressOnce() {
    ProgressChecker c = new ProgressChecker(FOUR, FaultSchedule.none(), 100);
    c.onObservation(50, N0, fin(1, 1));
    assertThat(c.onTime(150)).isEmpty();
    assertThat(c.onTime(151)).singleElement().extracting(Violation::invariant)
        .isEqualTo("progress");
    assertThat(c.onTime(300)).as("one report per stall").isEmpty();
    c.onObservation(310, N1, fin(2, 2));
    assertThat(c.onTime(411)).hasSize(1);
  }

  @Test
  void noProgressIsRequiredWithMoreThanFCrashedOrDuringAPartitionAndTheClockRestartsAtRecovery() {
    FaultSchedule faults = new FaultSchedule(List.of(
        new Fault.Crash(0, N2), new Fault.Crash(0, N3), new Fault.Restart(1_000, N3),
        new Fault.PartitionNetwork(2_000, new Partition(List.of(Set.of(N0)))),
        new Fault.Heal(3_000)), Set.of());
    ProgressChecker c = new ProgressChecker(FOUR, faults, 100);

    assertThat(c.onTime(999)).as("f+1 = 2 crashed").isEmpty();
    assertThat(c.onTime(1_100)).as("healthy since 1000: within bound").isEmpty();
    assertThat(faults.healthySince(FOUR, APP, 1_500)).hasValue(1_000);
    assertThat(faults.healthySince(FOUR, APP, 2_500)).isEmpty();
    assertThat(faults.healthySince(FOUR, APP, 3_050)).hasValue(3_000);
    assertThat(c.onTime(1_101)).hasSize(1);
  }

  @Test
  void aPartitionThatDoesNotSplitTheSubnetKeepsItHealthy() {
    Topology two = Topology.builder()
        .subnet("a", dev.subnetsim.scenarios.spec.SubnetRole.APP, 4, "r")
        .subnet("b", dev.subnetsim.scenarios.spec.SubnetRole.APP, 4, "r").build();
    FaultSchedule faults = new FaultSchedule(List.of(new Fault.PartitionNetwork(10,
        new Partition(List.of(Set.copyOf(two.members(new SubnetId("a"))))))), Set.of());

    assertThat(faults.healthySince(two, new SubnetId("a"), 20)).hasValue(0);
    assertThat(faults.healthySince(two, new SubnetId("b"), 20)).hasValue(0);
    assertThat(faults.isCrashedAt(N0, 20)).isFalse();
  }

  @Test
  void pausedNodesAreFaultyOnlyWhilePausedAndTheSubnetIsHealthyAgainWhenThePauseEnds() {
    FaultSchedule faults = new FaultSchedule(List.of(
        new Fault.Pause(100, N0, 200), new Fault.Pause(100, N1, 300)), Set.of());

    assertThat(faults.isFaultyAt(N0, 150)).isTrue();
    assertThat(faults.isFaultyAt(N0, 200)).isFalse();
    assertThat(faults.healthySince(FOUR, APP, 150)).as("two of four paused").isEmpty();
    assertThat(faults.healthySince(FOUR, APP, 250)).hasValue(200);
    ProgressChecker c = new ProgressChecker(FOUR, faults, 100);
    assertThat(c.onTime(290)).isEmpty();
    assertThat(c.onTime(301)).hasSize(1);
  }

  @Test
  void degradedLinksBetweenMembersMakeTheSubnetUnhealthyForTheirDuration() {
    FaultSchedule faults = new FaultSchedule(List.of(
        new Fault.DegradeLinks(100, Set.of(N0), Set.of(N1), 0.5, 0, 200),
        new Fault.DegradeLinks(300, Set.of(N0), Set.of(new NodeId(9)), 0.5, 0, 400)), Set.of());

    assertThat(faults.healthySince(FOUR, APP, 150)).isEmpty();
    assertThat(faults.healthySince(FOUR, APP, 250)).hasValue(200);
    assertThat(faults.healthySince(FOUR, APP, 350)).as("not a link inside the subnet")
        .hasValue(200);
  }
}
