package dev.subnetsim.scenarios.consensus;

import dev.subnetsim.consensus.types.MessageKind;
import static dev.subnetsim.scenarios.consensus.ConsensusWorld.MS;
import static dev.subnetsim.scenarios.consensus.ConsensusWorld.S;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.wire.MessageCodec;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.replica.StepOutput;
import dev.subnetsim.replica.node.ConsensusReplicaFactory;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.scenarios.driver.DriverOutcome;
import dev.subnetsim.scenarios.driver.SimulationConfig;
import dev.subnetsim.scenarios.driver.SimulationDriver;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.InvariantChecker;
import dev.subnetsim.scenarios.invariants.Violation;
import dev.subnetsim.scenarios.net.Partition;
import dev.subnetsim.scenarios.net.UniformLatency;
import dev.subnetsim.scenarios.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Internet Computer Consensus over the simulated network with real BLS12-381: steady progress,
 * crashes within and beyond f, restarts from CUPs, Byzantine block makers and notaries, partitions.
 * Checkers (agreement, certified-state agreement, progress) run during every run.
 */
class ConsensusSimulationTest {

  private static final SubnetId ROOT = new SubnetId("root");
  private static final long UNIT = 200 * MS;

  private static DriverOutcome run(Topology t, FaultSchedule faults,
      Map<NodeId, Set<ByzantineBehaviour>> byz, long progressBound, long end) {
    return SimulationDriver.run(
        ConsensusWorld.config(t, 1, faults, byz, UNIT, progressBound, end, 1).build());
  }

  /** Records, per node, the highest finalized height it reported, and rejected artifacts. */
  static final class Recorder implements InvariantChecker {
    final Map<NodeId, Long> finalized = new TreeMap<>();
    final TreeSet<NodeId> rejectedSenders = new TreeSet<>();
    final List<String> rejections = new ArrayList<>();
    final Map<NodeId, Double> stateSyncedAt = new TreeMap<>();
    double equivocationProofs;
    long lastFinalizationAt;

    @Override
    public String name() {
      return "recorder";
    }

    @Override
    public List<Violation> onObservation(long t, NodeId node, Observation o) {
      if (o instanceof Observation.Finalized f) {
        finalized.merge(node, f.height(), Math::max);
        lastFinalizationAt = Math.max(lastFinalizationAt, t);
      } else if (o instanceof Observation.ArtifactRejected r) {
        rejectedSenders.add(r.from());
        rejections.add(r.reason());
      } else if (o instanceof Observation.Metric m && m.name().startsWith("state_sync/")) {
        stateSyncedAt.merge(node, m.value(), Math::max);
      } else if (o instanceof Observation.Metric m && m.name().startsWith("equivocation_proofs")) {
        equivocationProofs = Math.max(equivocationProofs, m.value());
      }
      return List.of();
    }
  }

  private static DriverOutcome run(SimulationConfig.Builder b, Recorder rec) {
    return SimulationDriver.run(b.checker(rec).build());
  }

  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {4, 7, 13})
  void subnetsFinalizeSteadilyAtTheRateTheDelaysAllow(int n) {
    Topology t = Topology.singleSubnet("root", n);
    DriverOutcome r = run(t, FaultSchedule.none(), Map.of(), 2 * S, 10 * S);
    assertThat(r.violations()).isEmpty();
    // Critical path of a round after notarization of h-1 at T: beacon share hop (round starts at
    // T+20 ms), the notary delay of rank 0 (0.3 * unit = 60 ms, so it signs at T+80 ms, by which
    // time the rank-0 proposal sent at T+20 ms has arrived) and the notarization share hop
    // (T+100 ms): 10 blocks/s at most; we require at least 8.
    long height = r.maxFinalizedHeight().get(ROOT);
    System.out.printf("n=%d: %d blocks in 10 s = %.1f blocks/s (expected <= 10)%n", n, height,
        height / 10.0);
    assertThat(height).isBetween(80L, 100L);
  }

  @Test
  void fCrashedReplicasDoNotStopProgress() {
    Topology t = Topology.singleSubnet("root", 7);
    List<NodeId> m = t.members(ROOT);
    FaultSchedule faults = new FaultSchedule(
        List.of(new Fault.Crash(2 * S, m.get(1)), new Fault.Crash(2 * S, m.get(4))), Set.of());
    Recorder rec = new Recorder();
    DriverOutcome r = run(ConsensusWorld.config(t, 1, faults, Map.of(), UNIT, 3 * S, 10 * S, 1), rec);
    assertThat(r.violations()).isEmpty();
    assertThat(rec.lastFinalizationAt).isGreaterThan(9 * S);
  }

  @Test
  void moreThanFCrashedStallsWithoutConflictAndRestartedReplicasCatchUpViaCup() {
    Topology t = Topology.singleSubnet("root", 4);
    List<NodeId> m = t.members(ROOT);
    FaultSchedule faults = new FaultSchedule(List.of(
        new Fault.Crash(3 * S, m.get(2)), new Fault.Crash(3 * S, m.get(3)),
        new Fault.Restart(8 * S, m.get(2)), new Fault.Restart(8 * S, m.get(3))), Set.of());
    Recorder rec = new Recorder();
    Recorder early = new Recorder();
    DriverOutcome stalled = run(ConsensusWorld.config(t, 1, faults, Map.of(), UNIT, 60 * S,
        7 * S, 1), early);
    DriverOutcome resumed = run(ConsensusWorld.config(t, 1, faults, Map.of(), UNIT, 60 * S,
        14 * S, 1), rec);
    assertThat(stalled.violations()).isEmpty();
    assertThat(resumed.violations()).isEmpty();
    // Between 3 s and 8 s only 2 of 4 replicas run: no finalization after the crash.
    assertThat(early.lastFinalizationAt).isLessThan(3 * S + 500 * MS);
    long atCrash = early.finalized.get(m.get(0));
    // After the restart progress resumes and the restarted replicas reach the others.
    assertThat(rec.finalized.get(m.get(0))).isGreaterThan(atCrash + 20);
    assertThat(rec.finalized.get(m.get(2))).isGreaterThanOrEqualTo(rec.finalized.get(m.get(0)) - 3);
    assertThat(rec.finalized.get(m.get(3))).isGreaterThanOrEqualTo(rec.finalized.get(m.get(0)) - 3);
  }

  @Test
  void aForgedCatchUpPackageIsRefusedAndAttributedAndTheRestartedReplicaSyncsFromHonestPeers() {
    Topology t = Topology.singleSubnet("root", 4);
    List<NodeId> m = t.members(ROOT);
    NodeId forger = m.get(0);
    NodeId restarted = m.get(3);
    ConsensusReplicaFactory honest = ConsensusWorld.factory(t, 1, Map.of(), UNIT, false);
    // The forger answers catch-up requests with its real CUP moved 10 heights up (so it is always
    // newer than what an honest peer sent), keeping the subnet's signature of the real content.
    ReplicaLogicFactory world = (node, incarnation) -> {
      ReplicaLogic logic = honest.create(node, incarnation);
      return !node.equals(forger) ? logic : (now, events) -> forgeCups(logic.step(now, events));
    };
    FaultSchedule faults = new FaultSchedule(List.of(new Fault.Crash(2 * S, restarted),
        new Fault.Restart(8 * S, restarted)), Set.of(forger));
    Recorder rec = new Recorder();
    DriverOutcome r = run(ConsensusWorld.config(world, t, 1, faults, 3 * S, 14 * S, 1), rec);
    assertThat(r.violations()).isEmpty();
    assertThat(rec.rejectedSenders).containsExactly(forger);
    assertThat(rec.rejections).anyMatch(reason -> reason.startsWith("cup-response: catch-up "
        + "package at height") && reason.endsWith("refused: not signed by the subnet"));
    // It adopted an honest peer's signed CUP (state sync) and caught up with the others.
    assertThat(rec.stateSyncedAt.get(restarted)).isGreaterThan(20.0);
    assertThat(rec.finalized.get(restarted)).isGreaterThanOrEqualTo(rec.finalized.get(m.get(1)) - 3);
  }

  private static StepOutput forgeCups(StepOutput out) {
    List<Envelope> sends = new ArrayList<>();
    for (Envelope e : out.sends()) {
      if (e.kind() != MessageKind.CUP_RESPONSE) {
        sends.add(e);
        continue;
      }
      var real = (ConsensusMessage.CatchUpResponse) MessageCodec.decode(e.payload());
      CatchUpPackage c = real.cup();
      CatchUpPackage forged = new CatchUpPackage(c.height() + 10, c.blockHash(),
          c.beaconSignature(), c.stateRoot(), c.certification(), c.dkgSummary(), c.signature());
      sends.add(new Envelope(e.from(), e.to(), e.kind(), MessageCodec.encode(
          new ConsensusMessage.CatchUpResponse(forged, real.state(), real.blocks(),
              real.finalizations(), real.beacons()))));
    }
    return new StepOutput(sends, out.timers(), out.observations(), out.cpuNanos());
  }

  @Test
  void equivocatingBlockMakersAndDoubleSigningNotariesCauseNoForkAndAreProven() {
    Topology t = Topology.singleSubnet("root", 7);
    List<NodeId> m = t.members(ROOT);
    Map<NodeId, Set<ByzantineBehaviour>> byz = Map.of(
        m.get(0), Set.of(ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER),
        m.get(1), Set.of(ByzantineBehaviour.DOUBLE_SIGNING_NOTARY));
    FaultSchedule faults = new FaultSchedule(List.of(), Set.of(m.get(0), m.get(1)));
    Recorder rec = new Recorder();
    DriverOutcome r = run(ConsensusWorld.config(t, 3, faults, byz, UNIT, 3 * S, 10 * S, 1), rec);
    assertThat(r.violations()).as("agreement and progress").isEmpty();
    assertThat(rec.equivocationProofs).isPositive();
    assertThat(r.maxFinalizedHeight().get(ROOT)).isGreaterThan(30);
  }

  @Test
  void twinsSigningConflictingArtifactsCauseNoForkAndFinalizationContinues() {
    Topology t = Topology.singleSubnet("root", 7);
    List<NodeId> m = t.members(ROOT);
    Map<NodeId, Set<ByzantineBehaviour>> byz = Map.of(
        m.get(1), Set.of(ByzantineBehaviour.TWINS), m.get(5), Set.of(ByzantineBehaviour.TWINS));
    FaultSchedule faults = new FaultSchedule(List.of(), Set.of(m.get(1), m.get(5)));
    Recorder rec = new Recorder();
    // Jittered links, so the twins' views differ: with constant latency and proposals relayed at
    // once, both twins see the same messages at the same instants and propose identical blocks.
    DriverOutcome r = run(ConsensusWorld.config(ConsensusWorld.factory(t, 4, byz, UNIT, false), t, 4,
        faults, 3 * S, 10 * S, 1, new UniformLatency(10 * MS, 40 * MS)), rec);
    assertThat(r.violations()).as("agreement, certified-state agreement and progress").isEmpty();
    assertThat(r.maxFinalizedHeight().get(ROOT)).isGreaterThan(25);
    // Each twin proposes at the identity's rank on its own view: the others see both blocks.
    assertThat(rec.equivocationProofs).isPositive();
  }

  @Test
  void aReplicaWithDivergentExecutionNeverGetsItsStateCertifiedAndTheOthersCarryOn() {
    Topology t = Topology.singleSubnet("root", 4);
    List<NodeId> m = t.members(ROOT);
    Map<NodeId, Set<ByzantineBehaviour>> byz = Map.of(
        m.get(2), Set.of(ByzantineBehaviour.DIVERGENT_EXECUTION));
    FaultSchedule faults = new FaultSchedule(List.of(), Set.of(m.get(2)));
    Recorder rec = new Recorder();
    TreeMap<NodeId, TreeSet<String>> roots = new TreeMap<>();
    TreeSet<NodeId> diverged = new TreeSet<>();
    InvariantChecker certified = new InvariantChecker() {
      public String name() {
        return "certified roots";
      }

      public List<Violation> onObservation(long time, NodeId node, Observation o) {
        if (o instanceof Observation.StateCertified c) {
          roots.computeIfAbsent(node, k -> new TreeSet<>())
              .add(c.height() + ":" + c.rootHash().toHex());
        } else if (o instanceof Observation.Metric x && x.name().startsWith("state_divergence")) {
          diverged.add(node);
        }
        return List.of();
      }
    };
    DriverOutcome r = run(ConsensusWorld.config(t, 5, faults, byz, UNIT, 3 * S, 8 * S, 1)
        .checker(certified), rec);
    assertThat(r.violations()).as("agreement, certified-state agreement, progress").isEmpty();
    assertThat(r.maxFinalizedHeight().get(ROOT)).isGreaterThan(20);
    // The honest three certify the same roots (n - f = 3 shares: the divergent replica is not
    // needed); the divergent replica sees certified roots it does not have and says so.
    assertThat(roots.get(m.get(0))).hasSizeGreaterThan(10).isEqualTo(roots.get(m.get(1)))
        .isEqualTo(roots.get(m.get(3)));
    assertThat(diverged).containsExactly(m.get(2));
  }

  @Test
  void invalidSharesAreRejectedAndAttributedToTheirSender() {
    Topology t = Topology.singleSubnet("root", 7);
    List<NodeId> m = t.members(ROOT);
    Map<NodeId, Set<ByzantineBehaviour>> byz = Map.of(
        m.get(5), Set.of(ByzantineBehaviour.INVALID_BEACON_SHARES),
        m.get(6), Set.of(ByzantineBehaviour.INVALID_SIGNATURE_SHARES));
    FaultSchedule faults = new FaultSchedule(List.of(), Set.of(m.get(5), m.get(6)));
    Recorder rec = new Recorder();
    DriverOutcome r = run(ConsensusWorld.config(t, 1, faults, byz, UNIT, 3 * S, 6 * S, 1), rec);
    assertThat(r.violations()).isEmpty();
    assertThat(rec.rejectedSenders).containsExactly(m.get(5), m.get(6));
  }

  @Test
  void onlyAMajorityPartitionWithNMinusFProgressesAndAllConvergeAfterHeal() {
    Topology t = Topology.singleSubnet("root", 7);
    List<NodeId> m = t.members(ROOT);
    Partition split = new Partition(List.of(new TreeSet<>(m.subList(0, 5)),
        new TreeSet<>(m.subList(5, 7))));
    FaultSchedule faults = new FaultSchedule(List.of(new Fault.PartitionNetwork(2 * S, split),
        new Fault.Heal(6 * S)), Set.of());
    Recorder during = new Recorder();
    run(ConsensusWorld.config(t, 1, faults, Map.of(), UNIT, 60 * S, 6 * S, 1), during);
    Recorder after = new Recorder();
    DriverOutcome r = run(ConsensusWorld.config(t, 1, faults, Map.of(), UNIT, 60 * S, 12 * S, 1), after);
    assertThat(r.violations()).isEmpty();
    long majority = during.finalized.get(m.get(0));
    long minority = during.finalized.get(m.get(6));
    assertThat(majority).isGreaterThan(minority + 15);
    long top = after.finalized.get(m.get(0));
    assertThat(after.finalized.get(m.get(6))).isGreaterThanOrEqualTo(top - 3);
  }

  @Test
  void theSameSeedGivesTheSameTraceHashWithOneTwoAndFourThreads() {
    Topology t = Topology.singleSubnet("root", 4);
    List<String> hashes = new ArrayList<>();
    for (int threads : new int[] {1, 2, 4}) {
      hashes.add(SimulationDriver.run(ConsensusWorld.config(t, 9, FaultSchedule.none(), Map.of(),
          UNIT, 2 * S, 3 * S, threads).build()).traceHash());
    }
    String other = SimulationDriver.run(ConsensusWorld.config(t, 10, FaultSchedule.none(),
        Map.of(), UNIT, 2 * S, 3 * S, 1).build()).traceHash();
    assertThat(hashes).containsOnly(hashes.get(0));
    assertThat(other).isNotEqualTo(hashes.get(0));
  }

  @Test
  @Tag("slow")
  void thirtyFourReplicasFinalizeSteadily() {
    Topology t = Topology.singleSubnet("root", 34);
    DriverOutcome r = run(t, FaultSchedule.none(), Map.of(), 3 * S, 5 * S);
    assertThat(r.violations()).isEmpty();
    assertThat(r.maxFinalizedHeight().get(ROOT)).isGreaterThan(20);
  }
}
