package dev.subnetsim.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.GenesisKeys;
import dev.subnetsim.consensus.crypto.VerificationCache;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The consensus roles working together over a lock-step local network (no actors, no scenario
 * engine): steady finalization with agreement, progress with f crashed, a stall with f+1 crashed,
 * the notary back-off, and Byzantine shares attributed to their senders.
 */
class LocalConsensusNetworkTest {
  private static final long MS = 1_000_000L;
  private static final long UNIT = 100 * MS;

  private static void assertAgreement(LocalConsensusNetwork net) {
    for (int i = 0; i < net.nodes.size(); i++) {
      for (int j = 0; j < net.nodes.size(); j++) {
        for (var e : net.finalized.get(i).entrySet()) {
          byte[] other = net.finalized.get(j).get(e.getKey());
          if (other != null) {
            assertThat(Arrays.equals(other, e.getValue()))
                .as("nodes %d and %d at height %d", i, j, e.getKey()).isTrue();
          }
        }
      }
    }
  }

  @Test
  void fourNodesFinalizeConsecutiveHeightsAndAgreeOnEveryBlock() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 1, UNIT, Map.of());
    net.runUntil(3_000 * MS, 10 * MS);
    for (int i = 0; i < 4; i++) {
      assertThat(net.finalizedHeight(i)).isGreaterThan(10);
      // Heights are finalized without gaps: 1, 2, ..., h.
      assertThat(net.finalized.get(i).keySet()).startsWith(1L, 2L, 3L);
      assertThat(net.finalized.get(i).size()).isEqualTo((int) net.finalizedHeight(i));
    }
    assertAgreement(net);
  }

  @Test
  void oneCrashedNodeOfFourDoesNotStopFinalization() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 2, UNIT, Map.of());
    net.crashed.add(1);
    net.runUntil(3_000 * MS, 10 * MS);
    assertThat(net.finalizedHeight(0)).isGreaterThan(5);
    assertAgreement(net);
  }

  @Test
  void twoCrashedNodesOfFourStallFinalization() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 3, UNIT, Map.of());
    net.crashed.add(1);
    net.crashed.add(2);
    net.runUntil(3_000 * MS, 10 * MS);
    assertThat(net.finalizedHeight(0)).isZero();
    assertThat(net.finalizedHeight(3)).isZero();
  }

  @Test
  void invalidSignatureSharesAreRejectedAndAttributedWhileTheOthersFinalize() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 4, UNIT,
        Map.of(2, EnumSet.of(ByzantineBehaviour.INVALID_SIGNATURE_SHARES)));
    net.runUntil(2_000 * MS, 10 * MS);
    assertThat(net.finalizedHeight(0)).isGreaterThan(5);
    assertThat(net.results.stream().flatMap(r -> r.rejections().stream()))
        .isNotEmpty().allSatisfy(rej -> assertThat(rej.sender()).isEqualTo(new NodeId(2)));
    assertAgreement(net);
  }

  @Test
  void cheapStandInSignaturesStillFinalizeAndStillRejectAndAttributeInvalidShares() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(7, 5, UNIT,
        Map.of(3, EnumSet.of(ByzantineBehaviour.INVALID_SIGNATURE_SHARES)),
        ConsensusCrypto.Mode.CHEAP);
    net.runUntil(2_000 * MS, 10 * MS);
    assertThat(net.finalizedHeight(0)).isGreaterThan(5);
    assertThat(net.results.stream().flatMap(r -> r.rejections().stream()))
        .isNotEmpty().allSatisfy(rej -> assertThat(rej.sender()).isEqualTo(new NodeId(3)));
    assertAgreement(net);
  }

  @Test
  void aCheapShareVerifiesOnlyForItsOwnSignerAndMessage() {
    GenesisKeys keys = GenesisKeys.generate("cheap", 4, SeededRandom.fromSeed(9));
    ConsensusCrypto cheap = new ConsensusCrypto(keys.publicKeys(), VerificationCache.shared(),
        ConsensusCrypto.Mode.CHEAP);
    byte[] msg = "height 7".getBytes();
    byte[] share = cheap.signIndividually(keys.secrets().get(1), msg);
    assertThat(cheap.verifyIndividual(1, msg, share)).isTrue();
    assertThat(cheap.verifyIndividual(2, msg, share)).isFalse();
    assertThat(cheap.verifyIndividual(1, "height 8".getBytes(), share)).isFalse();
  }

  @Test
  void anEquivocatingMakersTwoBlocksAreRelayedSoItsRankIsDisqualifiedAndEveryHeightIsFinalized() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(4, 6, UNIT,
        Map.of(1, EnumSet.of(ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER)));
    net.runUntil(3_000 * MS, 10 * MS);
    assertThat(net.results.stream().flatMap(r -> r.equivocations().stream()))
        .as("equivocation proofs").isNotEmpty()
        .allSatisfy(p -> assertThat(p.first().block().proposer()).isEqualTo(1));
    // The maker sends one block to half the committee and its twin to the other half; only the
    // honest replicas' relays bring both to one notary before the rank-0 notary delay ends. Had a
    // notary signed both, that height would only be finalized implicitly through a descendant.
    java.util.Set<Long> finalizedDirectly = new java.util.TreeSet<>();
    net.results.stream().flatMap(r -> r.combined().stream())
        .filter(c -> c.kind().equals("finalization")).forEach(c -> finalizedDirectly.add(c.height()));
    long h = net.finalizedHeight(0);
    assertThat(h).isGreaterThan(10);
    assertThat(finalizedDirectly).containsAll(
        java.util.stream.LongStream.rangeClosed(1, h).boxed().toList());
    assertAgreement(net);
  }

  @Test
  void theNotaryDelayBacksOffByOnePointFiveWhenFinalizationLags() {
    ConsensusConfig c = new ConsensusConfig(new SubnetId("s"), List.of(new NodeId(0)), 1000, 300, 10, 10);
    assertThat(c.notaryDelayNanos(0, 5, 5)).isEqualTo(300);
    assertThat(c.notaryDelayNanos(2, 5, 5)).isEqualTo(300 + 2000);
    assertThat(c.notaryDelayNanos(2, 7, 5)).isEqualTo(300 + (long) (2000 * 2.25));
  }
}
