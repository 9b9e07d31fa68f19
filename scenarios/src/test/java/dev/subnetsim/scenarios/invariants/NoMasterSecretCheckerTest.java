package dev.subnetsim.scenarios.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.chainkey.ChainKeyGenesis;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoMasterSecretCheckerTest {
  private static final ChainKeyGenesis KEYS = ChainKeyGenesis.generate("s", 4, 1, 1,
      SeededRandom.fromSeed(8));
  private static final List<NodeId> MEMBERS = List.of(new NodeId(0), new NodeId(1), new NodeId(2),
      new NodeId(3));

  @Test
  void noReplicaAndNoCoalitionOfFReplicasHoldsAChainKeysSecret() {
    assertThat(new NoMasterSecretChecker(KEYS, MEMBERS, List.of(3)).onTime(0)).isEmpty();
  }

  @Test
  void aCoalitionBeyondFReconstructsEveryKeyAndTheCheckerSaysSo() {
    List<Violation> v = new NoMasterSecretChecker(KEYS, MEMBERS, List.of(0, 2)).onTime(0);
    assertThat(v).isNotEmpty().allSatisfy(x -> assertThat(x.detail()).contains("reconstructs"));
    assertThat(v).anyMatch(x -> x.detail().contains("vetKD"))
        .anyMatch(x -> x.detail().contains("ECDH"))
        .anyMatch(x -> x.detail().contains("BIP340"));
  }

  @Test
  void aReshareTargetIsCheckedOnceItsKeysArriveAndItsCoalitionIsJudgedToo() {
    java.util.concurrent.atomic.AtomicBoolean installed = new java.util.concurrent.atomic.AtomicBoolean();
    NoMasterSecretChecker checker = new NoMasterSecretChecker(List.of(new NoMasterSecretChecker
        .Holder(new SubnetId("signing"), () -> installed.get() ? java.util.Optional.of(
            new NoMasterSecretChecker.Material(KEYS.publicKeys(), KEYS.shares()))
            : java.util.Optional.empty(), MEMBERS, List.of(1, 3))));
    assertThat(checker.onTime(0)).isEmpty();
    assertThat(checker.checkedSubnets()).isEmpty();
    installed.set(true);
    List<Violation> v = checker.onTime(1);
    assertThat(v).isNotEmpty().allSatisfy(x -> assertThat(x.detail()).contains("(signing)"));
    assertThat(checker.checkedSubnets()).containsExactly(new SubnetId("signing"));
    assertThat(checker.onTime(2)).as("checked once").isEmpty();
  }

  @Test
  void aTargetIsCheckedAgainAsMoreReplicasDecryptTheirSharesWithTheNewcomersCoalitions() {
    // Replicas 1 and 3 (the Byzantine pair, beyond f) decrypt their shares after the others.
    var held = new java.util.concurrent.atomic.AtomicInteger(2);
    NoMasterSecretChecker checker = new NoMasterSecretChecker(List.of(new NoMasterSecretChecker
        .Holder(new SubnetId("signing"), () -> java.util.Optional.of(
            new NoMasterSecretChecker.Material(KEYS.publicKeys(), held.get() == 2
                ? List.of(KEYS.shares().get(0), KEYS.shares().get(2)) : KEYS.shares())),
            MEMBERS, List.of(1, 3))));
    assertThat(checker.onTime(0)).as("the pair holds nothing yet").isEmpty();
    held.set(4);
    assertThat(checker.onTime(1)).isNotEmpty().allSatisfy(x ->
        assertThat(x.detail()).contains("the coalition [1, 3] reconstructs"));
    assertThat(checker.onTime(2)).as("nothing new to check").isEmpty();
  }

  @Test
  void aKeyDealtWithTooLowAThresholdIsFoundByTheCoalitionSearchWithoutAnyByzantineNode() {
    // Shares of a 4-node dealing (threshold 2) held by a subnet of 7, where f = 2: some pair of
    // holders reconstructs every key, though the scenario names no Byzantine coalition.
    List<NodeId> seven = java.util.stream.IntStream.range(0, 7).mapToObj(NodeId::new).toList();
    List<Violation> v = new NoMasterSecretChecker(KEYS, seven, List.of()).onTime(0);

    assertThat(v).anyMatch(x -> x.detail().contains("reconstructs the vetKD key"))
        .anyMatch(x -> x.detail().contains("reconstructs the ECDSA"));
  }

  @Test
  void aKeyWhoseThresholdIsNotAboveFIsReportedAsSuchForEveryKindOfChainKey() {
    // The same 4-node dealing (threshold 2) held by 7 nodes, where f+1 = 3.
    List<NodeId> seven = java.util.stream.IntStream.range(0, 7).mapToObj(NodeId::new).toList();
    List<Violation> v = new NoMasterSecretChecker(KEYS, seven, List.of()).onTime(0);

    assertThat(v).extracting(Violation::detail)
        .contains("the vetKD key (genesis) has reconstruction threshold 2 < f+1 = 3",
            "the document key (genesis) has reconstruction threshold 2 < f+1 = 3")
        .anyMatch(d -> d.startsWith("the ECDH ") && d.endsWith("threshold 2 < f+1 = 3"))
        .anyMatch(d -> d.startsWith("the ECDSA ") && d.endsWith("threshold 2 < f+1 = 3"))
        .anyMatch(d -> d.startsWith("the BIP340") && d.endsWith("threshold 2 < f+1 = 3"));
    assertThat(new NoMasterSecretChecker(KEYS, MEMBERS, List.of()).onTime(0))
        .as("the same keys among the 4 they were dealt to").isEmpty();
  }

  @Test
  void everyCoalitionOfFIsTriedWhenFewAndADeterministicSampleWhenMany() {
    var small = new NoMasterSecretChecker.Holder(new SubnetId("s"), java.util.Optional::empty,
        java.util.stream.IntStream.range(0, 7).mapToObj(NodeId::new).toList(), List.of());
    assertThat(NoMasterSecretChecker.coalitions(small)).hasSize(21).doesNotHaveDuplicates()
        .allSatisfy(c -> assertThat(c).hasSize(2));
    var large = new NoMasterSecretChecker.Holder(new SubnetId("root"), java.util.Optional::empty,
        java.util.stream.IntStream.range(0, 13).mapToObj(NodeId::new).toList(), List.of(0, 1, 2));
    List<List<Integer>> sample = NoMasterSecretChecker.coalitions(large);
    assertThat(sample).hasSize(NoMasterSecretChecker.MAX_COALITIONS + 1).doesNotHaveDuplicates()
        .startsWith(List.of(0, 1, 2));
    assertThat(sample.subList(1, sample.size())).allSatisfy(c -> assertThat(c).hasSize(4));
    assertThat(NoMasterSecretChecker.coalitions(large)).isEqualTo(sample);
  }
}
