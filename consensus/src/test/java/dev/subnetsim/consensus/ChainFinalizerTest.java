package dev.subnetsim.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.pool.IngressPool;
import dev.subnetsim.consensus.roles.Changes;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A finalization finalizes its block and every unfinalized ancestor, in height order, once all of
 * them are in the pool; a chain that does not reach the finalized tip finalizes nothing.
 */
class ChainFinalizerTest {
  private final PoolFixture fx = PoolFixture.committeeOfFour();
  private final ConsensusPool pool = fx.pool();
  private final IngressPool ingress = new IngressPool();
  private final ChainFinalizer finalizer = new ChainFinalizer(fx.config(), pool,
      fx.node().dkg(), ingress);

  private Changes run() {
    Changes changes = new Changes();
    finalizer.apply(changes);
    return changes;
  }

  @Test
  void aFinalizationFinalizesItsBlockAndItsAncestorsInHeightOrder() {
    List<Block> chain = fx.addNotarizedChain(3);
    pool.finalizations.put(3L, fx.finalization(chain.get(2)));

    Changes changes = run();

    assertThat(changes.finalized).extracting(Block::height).containsExactly(1L, 2L, 3L);
    assertThat(pool.finalizedHeight).isEqualTo(3);
    assertThat(pool.finalizedHash).isEqualTo(chain.get(2).id());
    assertThat(pool.finalizedBlocks).containsOnlyKeys(1L, 2L, 3L);
  }

  @Test
  void nothingIsFinalizedWhileABlockOfTheChainIsMissing() {
    List<Block> chain = fx.addNotarizedChain(3);
    pool.proposals.remove(2L);
    pool.finalizations.put(3L, fx.finalization(chain.get(2)));

    assertThat(run().finalized).isEmpty();
    assertThat(pool.finalizedHeight).isZero();
  }

  @Test
  void aFinalizedChainThatDoesNotReachTheFinalizedTipFinalizesNothing() {
    fx.addBeacon(1);
    Block offChain = fx.block(1, ConsensusPool.sha256(new byte[] {1}), fx.proposerOfRank(1, 0));
    fx.addProposal(offChain);
    pool.finalizations.put(1L, fx.finalization(offChain));

    assertThat(run().finalized).isEmpty();
    assertThat(pool.finalizedHash.toArray()).isEqualTo(fx.genesisHash());
  }

  @Test
  void finalizedIngressLeavesTheIngressPool() {
    byte[] included = "included".getBytes(StandardCharsets.UTF_8);
    ingress.add(included);
    ingress.add("waiting".getBytes(StandardCharsets.UTF_8));
    fx.addBeacon(1);
    Block b = fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 0), List.of(included));
    fx.addProposal(b);
    pool.finalizations.put(1L, fx.finalization(b));

    run();

    assertThat(ingress.size()).isEqualTo(1);
    assertThat(ingress.select(pool, b.hash(), 1, 10))
        .extracting(m -> new String(m, StandardCharsets.UTF_8))
        .containsExactly("waiting");
  }

  @Test
  void aFinalizationAtOrBelowTheFinalizedHeightIsNotAppliedAgain() {
    List<Block> chain = fx.addNotarizedChain(2);
    pool.finalizations.put(2L, fx.finalization(chain.get(1)));
    run();

    assertThat(run().finalized).isEmpty();
  }
}
