package dev.subnetsim.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.protocol.ConsensusProtocol;
import dev.subnetsim.consensus.protocol.FastIcc;
import dev.subnetsim.consensus.roles.Changes;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * fast-icc's roles working together over the lock-step local network: the fast path finalizes,
 * falls back to the slow path when votes are missing, and never lets two honest replicas
 * finalize different blocks at one height with f Byzantine replicas voting for every block.
 */
class FastIccConsensusTest {
  private static final long MS = 1_000_000L;
  private static final long UNIT = 100 * MS;
  private static final ConsensusProtocol FAST = ConsensusProtocol.named("fast-icc").orElseThrow();

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

  /** Heights node {@code i} finalized on the fast path. */
  private static Set<Long> fastHeights(LocalConsensusNetwork net, int i) {
    Set<Long> out = new TreeSet<>();
    for (ConsensusNode.StepResult r : net.resultsByNode.get(i)) {
      for (Changes.CombinedArtifact c : r.combined()) {
        if (c.kind().equals("fast-finalization")) {
          out.add(c.height());
        }
      }
    }
    return out;
  }

  @Test
  void sixHonestNodesFinalizeEveryHeightOnTheFastPathWithoutGaps() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(6, 1, UNIT, Map.of(), FAST);
    net.runUntil(3_000 * MS, 10 * MS);
    for (int i = 0; i < 6; i++) {
      long h = net.finalizedHeight(i);
      assertThat(h).isGreaterThan(10);
      assertThat(net.finalized.get(i).size()).isEqualTo((int) h);
      assertThat(fastHeights(net, i)).hasSizeGreaterThanOrEqualTo((int) h - 1);
    }
    assertAgreement(net);
  }

  @Test
  void theFastPathFinalizesEachHeightSoonerThanIccOnTheSameNetwork() {
    LocalConsensusNetwork icc = new LocalConsensusNetwork(6, 3, UNIT, Map.of(),
        ConsensusProtocol.named("icc").orElseThrow());
    LocalConsensusNetwork fast = new LocalConsensusNetwork(6, 3, UNIT, Map.of(), FAST);
    icc.runUntil(2_000 * MS, 10 * MS);
    fast.runUntil(2_000 * MS, 10 * MS);
    // Lock step: one tick per message delay; a height's round starts when the previous one is
    // notarized, so the heights start alike and the fast path saves one delay of three.
    for (long h = 2; h <= 10; h++) {
      assertThat(fast.finalizedAt.get(0).get(h)).as("height %d", h)
          .isLessThan(icc.finalizedAt.get(0).get(h));
    }
  }

  @Test
  void withTheVotesOfTwoOfNineLostTheSlowPathFinalizesEveryHeight() {
    // n = 9, p = 1: f = 2; 7 votes reach nobody's fast quorum of 8, but make the block good.
    LocalConsensusNetwork net = new LocalConsensusNetwork(9, 4, UNIT, Map.of(),
        FastIcc.withSlack(1));
    net.votesLost.addAll(Set.of(0, 1));
    net.runUntil(3_000 * MS, 10 * MS);
    for (int i = 0; i < 9; i++) {
      assertThat(net.finalizedHeight(i)).isGreaterThan(10);
      assertThat(net.finalized.get(i).size()).isEqualTo((int) net.finalizedHeight(i));
      if (i > 1) { // 0 and 1 hold their own vote: 8 for them
        assertThat(fastHeights(net, i)).as("node %d", i).isEmpty();
      }
    }
    assertAgreement(net);
  }

  @Test
  void twoCrashedVotersOfNineFallBackToTheSlowPathAtIccsPace() {
    LocalConsensusNetwork icc = new LocalConsensusNetwork(9, 5, UNIT, Map.of(),
        ConsensusProtocol.named("icc").orElseThrow());
    LocalConsensusNetwork fast = new LocalConsensusNetwork(9, 5, UNIT, Map.of(),
        FastIcc.withSlack(1));
    icc.crashed.addAll(Set.of(2, 5));
    fast.crashed.addAll(Set.of(2, 5));
    icc.runUntil(3_000 * MS, 10 * MS);
    fast.runUntil(3_000 * MS, 10 * MS);
    assertThat(fastHeights(fast, 0)).isEmpty();
    assertThat(fast.finalizedHeight(0)).isGreaterThan(10)
        .isGreaterThanOrEqualTo(icc.finalizedHeight(0) - 1);
    assertAgreement(fast);
  }

  @Test
  void oneCrashedVoterOfSixLeavesTheFastPathComplete() {
    LocalConsensusNetwork net = new LocalConsensusNetwork(6, 5, UNIT, Map.of(), FAST);
    net.crashed.add(2);
    net.runUntil(3_000 * MS, 10 * MS);
    assertThat(net.finalizedHeight(0)).isGreaterThan(10);
    assertThat(fastHeights(net, 0)).hasSizeGreaterThan(5);
    assertAgreement(net);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void anEquivocatingMakerVotingForEveryBlockNeverSplitsSixNodes(long seed) {
    LocalConsensusNetwork net = new LocalConsensusNetwork(6, seed, UNIT,
        Map.of(4, EnumSet.of(ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER,
            ByzantineBehaviour.DOUBLE_SIGNING_NOTARY)), FAST);
    net.runUntil(4_000 * MS, 10 * MS);
    for (int i = 0; i < 6; i++) {
      if (i != 4) {
        assertThat(net.finalizedHeight(i)).as("node %d", i).isGreaterThan(5);
      }
    }
    assertAgreement(net);
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22})
  void twoByzantineOfElevenNeverSplitTheHonestReplicas(long seed) {
    LocalConsensusNetwork net = new LocalConsensusNetwork(11, seed, UNIT,
        Map.of(3, EnumSet.of(ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER,
            ByzantineBehaviour.DOUBLE_SIGNING_NOTARY),
            8, EnumSet.of(ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER,
            ByzantineBehaviour.DOUBLE_SIGNING_NOTARY)), FAST);
    net.runUntil(3_000 * MS, 10 * MS);
    assertThat(net.finalizedHeight(0)).isGreaterThan(5);
    assertAgreement(net);
  }
}
