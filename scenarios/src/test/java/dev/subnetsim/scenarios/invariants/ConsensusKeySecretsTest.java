package dev.subnetsim.scenarios.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.Polynomial;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The no-master-secret checks on consensus threshold keys, fed planted sharings the way replicas
 * show theirs (each replica: the epochs it holds now, its own shares). A subnet of 7: f = 2.
 */
class ConsensusKeySecretsTest {
  private static final int N = 7;
  private static final List<NodeId> MEMBERS = IntStream.range(0, N).mapToObj(NodeId::new).toList();
  private final SeededRandom rng = SeededRandom.fromSeed(18);

  /** One epoch's sharings of both keys, as every member holds them. */
  private record Epoch(long epoch, Polynomial beacon, Polynomial certification) {
    EpochKeys heldBy(int node) {
      return new EpochKeys(epoch, PublicCoefficients.commit(beacon),
          PublicCoefficients.commit(certification), List.of(), List.of(),
          beacon.evaluateAtNode(node), certification.evaluateAtNode(node));
    }
  }

  /** Honest thresholds: f+1 for the beacon, n-f for certification. */
  private Epoch honest(long epoch) {
    return new Epoch(epoch, Polynomial.random(3, rng), Polynomial.random(5, rng));
  }

  /** What the replicas hold: by node, its epochs' keys (replaceable per node). */
  private final Map<NodeId, List<EpochKeys>> held = new TreeMap<>();

  private NoMasterSecretChecker checker(List<Integer> byzantine) {
    return new NoMasterSecretChecker(List.of(), List.of(new NoMasterSecretChecker.ConsensusHolder(
        new SubnetId("app"), MEMBERS, byzantine, node -> held.getOrDefault(node, List.of()))));
  }

  private void holdEverywhere(Epoch... epochs) {
    for (int i = 0; i < N; i++) {
      List<EpochKeys> keys = new ArrayList<>();
      for (Epoch e : epochs) {
        keys.add(e.heldBy(i));
      }
      held.put(MEMBERS.get(i), keys);
    }
  }

  @Test
  void honestSharingsOfEveryEpochPassAndEachIsCheckedOnceWithEveryCoalitionOfF() {
    NoMasterSecretChecker checker = checker(List.of());
    List<Epoch> epochs = IntStream.range(0, 6).mapToObj(this::honest).toList();
    List<Violation> found = new ArrayList<>();
    // Replicas hold a sliding window of epochs, as SubnetDkg does: each poll sees two of them.
    for (int e = 0; e + 1 < epochs.size(); e++) {
      holdEverywhere(epochs.get(e), epochs.get(e + 1));
      found.addAll(checker.onTime(e));
      found.addAll(checker.onTime(e)); // a second look at the same keys checks nothing again
    }

    assertThat(found).isEmpty();
    var coverage = checker.consensusCoverage();
    assertThat(coverage.epochs())
        .containsEntry(new SubnetId("app"), List.of(0L, 1L, 2L, 3L, 4L, 5L));
    assertThat(coverage.sharings()).isEqualTo(12);
    assertThat(coverage.coalitions()).as("C(7,2) = 21 pairs per sharing").isEqualTo(21 * 12);
  }

  @Test
  void aDealerThatLeaksTheWholeBeaconSecretToOneNodeIsReportedNamingSubnetKeyEpochAndNode() {
    Epoch clean = honest(2);
    Epoch leaky = honest(3);
    holdEverywhere(clean, leaky);
    List<EpochKeys> four = new ArrayList<>(held.get(MEMBERS.get(4)));
    EpochKeys k = four.get(1);
    four.set(1, new EpochKeys(3, k.beacon(), k.certification(), List.of(), List.of(),
        leaky.beacon().constantTerm(), k.myCertificationShare()));
    held.put(MEMBERS.get(4), four);

    List<Violation> v = checker(List.of()).onTime(7);

    assertThat(v).singleElement().satisfies(x -> {
      assertThat(x.invariant()).isEqualTo(NoMasterSecretChecker.NAME);
      assertThat(x.detail()).isEqualTo(
          "node-4 holds the random-beacon key of epoch 3 (app)'s master secret");
    });
  }

  @Test
  void aCertificationKeySharedWithThresholdFIsReportedAsTooLowAndAPairOfNodesReconstructsIt() {
    Epoch weak = new Epoch(5, Polynomial.random(3, rng), Polynomial.random(2, rng));
    holdEverywhere(honest(4), weak);

    List<Violation> v = checker(List.of()).onTime(9);

    assertThat(v).extracting(Violation::detail).containsExactly(
        "the state-certification key of epoch 5 (app) has reconstruction threshold 2 < f+1 = 3",
        "the coalition [node-0, node-1] reconstructs the state-certification key of epoch 5 (app)");
  }

  @Test
  void aThresholdCountsTheCommittedDegreeNotTheNumberOfCoefficients() {
    // Five coefficients whose top three are zero: a degree-1 polynomial dressed up as threshold 5.
    Polynomial padded = Polynomial.of(List.of(Scalar.randomNonZero(rng),
        Scalar.randomNonZero(rng), Scalar.ZERO, Scalar.ZERO, Scalar.ZERO));
    holdEverywhere(new Epoch(6, Polynomial.random(3, rng), padded));

    List<Violation> v = checker(List.of()).onTime(1);

    assertThat(v).extracting(Violation::detail).first().isEqualTo(
        "the state-certification key of epoch 6 (app) has reconstruction threshold 2 < f+1 = 3");
  }

  @Test
  void aByzantineCoalitionOfMoreThanFReconstructsAnHonestBeaconKeyAndTheCheckerSaysWho() {
    holdEverywhere(honest(2));

    List<Violation> v = checker(List.of(1, 3, 6)).onTime(1);

    assertThat(v).extracting(Violation::detail).contains(
        "the coalition [node-1, node-3, node-6] reconstructs the random-beacon key of epoch 2 (app)");
  }

  @Test
  void aCoalitionWaitsForAllItsMembersAndIsTriedWithTheSharesShownWhenItsEpochIsForgotten() {
    // Node 6 never boots: of the 21 pairs per sharing, the 15 without it are tried at once, the
    // 6 with it wait until their epoch is forgotten, then are tried with the shares shown.
    NoMasterSecretChecker checker = checker(List.of());
    for (long e = 0; e <= EpochSharingCheck.KEPT_EPOCHS; e++) {
      holdEverywhere(honest(e));
      held.remove(MEMBERS.get(6));
      assertThat(checker.onTime(e)).isEmpty();
      assertThat(checker.consensusCoverage().coalitions()).isEqualTo(15L * 2 * (e + 1)
          + (e == EpochSharingCheck.KEPT_EPOCHS ? 6 * 2 : 0));
    }
    assertThat(checker.consensusCoverage().epochs().get(new SubnetId("app")))
        .hasSize(EpochSharingCheck.KEPT_EPOCHS + 1);
  }

  @Test
  void aSubnetOfThreeWhereFIsZeroMayShareItsBeaconAtThresholdOneButNotLeakTheCertificationKey() {
    List<NodeId> three = MEMBERS.subList(0, 3);
    Epoch tiny = new Epoch(2, Polynomial.random(1, rng), Polynomial.random(3, rng));
    List<EpochKeys> leaked = List.of(new EpochKeys(2, PublicCoefficients.commit(tiny.beacon()),
        PublicCoefficients.commit(tiny.certification()), List.of(), List.of(),
        tiny.beacon().evaluateAtNode(2), tiny.certification().constantTerm()));
    NoMasterSecretChecker checker = new NoMasterSecretChecker(List.of(), List.of(
        new NoMasterSecretChecker.ConsensusHolder(new SubnetId("tiny"), three, List.of(),
            node -> node.value() == 2 ? leaked : List.of(tiny.heldBy(node.value())))));

    assertThat(checker.onTime(0)).extracting(Violation::detail).containsExactly(
        "node-2 holds the state-certification key of epoch 2 (tiny)'s master secret");
  }
}
