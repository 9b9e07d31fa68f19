package dev.subnetsim.consensus.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The purger drops artifacts below min(finalized height - 20 ({@link Purger#KEEP}), latest CUP
 * height) and finalized blocks below the latest CUP; everything from that height on stays.
 */
class PurgerTest {
  private final PoolFixture fx = PoolFixture.builder().cheapCrypto().build();
  private final ConsensusPool pool = fx.pool();

  private void run() {
    new Purger().onStateChange(pool, 0, new Changes());
  }

  /** A notarized chain 1..height with shares of node 1 at every height, finalized to the tip. */
  private List<Block> finalizedChain(long height) {
    List<Block> chain = fx.addNotarizedChain(height);
    for (Block b : chain) {
      pool.notarizationShares.computeIfAbsent(b.height(), k -> new TreeMap<>())
          .computeIfAbsent(b.id(), k -> new TreeMap<>())
          .put(1, fx.notarizationShare(1, b).signature());
      pool.roundStart.put(b.height(), b.height());
      pool.myProposals.add(b.height());
      pool.stateRoots.put(b.height(), b.id());
      fx.markFinalized(b);
    }
    return chain;
  }

  private void cupAt(long height) {
    Block b = pool.finalizedBlocks.get(height);
    pool.latestCup = new CatchUpPackage(height, b.hash(), pool.beacons.get(height),
        new byte[32], new byte[0]);
  }

  @Test
  void purgerDropsNothingWhileTheFinalizedHeightIsWithinTheKeptHeights() {
    finalizedChain(20);
    cupAt(20);
    int before = pool.artifactCount();

    run();

    assertThat(pool.artifactCount()).isEqualTo(before);
    assertThat(pool.proposals.firstKey()).isEqualTo(1L);
  }

  @Test
  void purgerKeepsTwentyHeightsBelowTheFinalizedOneAndDropsTheRest() {
    finalizedChain(35);
    cupAt(30);

    run();

    long below = 15; // 20 heights kept under the finalized 35, and under the CUP at 30
    for (TreeMap<Long, ?> m : List.<TreeMap<Long, ?>>of(pool.proposals, pool.notarizations,
        pool.notarizationShares, pool.finalizations, pool.roundStart, pool.stateRoots)) {
      assertThat(m.firstKey()).isEqualTo(below);
      assertThat(m.lastKey()).isEqualTo(35L);
    }
    assertThat(pool.myProposals.first()).isEqualTo(below);
    assertThat(pool.beacons.firstKey()).as("the beacon below stays: the next one's message")
        .isEqualTo(below - 1);
    assertThat(pool.finalizedBlocks.firstKey()).as("kept from the latest CUP on").isEqualTo(30L);
  }

  @Test
  void purgerKeepsEverythingFromTheLatestCupOnWhenItLagsTheFinalizedHeight() {
    finalizedChain(40);
    cupAt(10);

    run();

    assertThat(pool.proposals.firstKey()).isEqualTo(10L);
    assertThat(pool.notarizations.firstKey()).isEqualTo(10L);
    assertThat(pool.finalizedBlocks.firstKey()).isEqualTo(10L);
    assertThat(pool.finalizedBlocks.lastKey()).isEqualTo(40L);
  }

  @Test
  void purgerDropsNothingBeforeTheFirstCup() {
    finalizedChain(40);
    int before = pool.artifactCount();

    run();

    assertThat(pool.latestCup.height()).isZero();
    assertThat(pool.artifactCount()).isEqualTo(before);
  }
}
