package dev.subnetsim.consensus.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.FinalizationShare;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The finalizer signs a finalization share for a height only if this node notarization-signed
 * exactly one block there and that block is notarized.
 */
class FinalizerTest {
  private final PoolFixture fx = PoolFixture.committeeOfFour();
  private final ConsensusPool pool = fx.pool();
  private final Finalizer finalizer = new Finalizer(fx.node());

  private List<FinalizationShare> run() {
    Changes changes = new Changes();
    finalizer.onStateChange(pool, 0, changes);
    return changes.outgoing.stream().map(o -> (FinalizationShare) o.message()).toList();
  }

  @Test
  void finalizerSignsTheOnlyBlockItNotarizedOnceThatBlockIsNotarized() {
    Block b = fx.addNotarizedBlock(1);
    fx.recordOwnNotarizationShare(b);

    assertThat(run()).singleElement().satisfies(s -> {
      assertThat(s.height()).isEqualTo(1);
      assertThat(s.blockHash()).isEqualTo(b.hash());
      assertThat(s.signer()).isEqualTo(fx.self());
      assertThat(fx.crypto().verifyIndividual(fx.self(),
          SignedMessages.finalizationMessage(1, b.hash()), s.signature())).isTrue();
    });
    assertThat(pool.myFinalizationShares).containsExactly(1L);
    assertThat(pool.finalizationShares.get(1L).get(b.id()))
        .containsOnlyKeys(fx.self());
  }

  @Test
  void finalizerDoesNotSignAHeightWhereItNotarizedTwoBlocks() {
    fx.addBeacon(1);
    Block rank0 = fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 0));
    Block rank1 = fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 1));
    fx.addProposal(rank0);
    fx.addProposal(rank1);
    fx.addNotarization(rank0);
    fx.recordOwnNotarizationShare(rank1);
    fx.recordOwnNotarizationShare(rank0);

    assertThat(run()).isEmpty();
    assertThat(pool.myFinalizationShares).isEmpty();
  }

  @Test
  void finalizerDoesNotSignWhenAnotherBlockThanTheOneItNotarizedIsNotarized() {
    fx.addBeacon(1);
    Block mine = fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 1));
    fx.addProposal(mine);
    fx.recordOwnNotarizationShare(mine);
    fx.addNotarizedBlock(1, 0);

    assertThat(run()).isEmpty();
  }

  @Test
  void finalizerDoesNotSignAHeightItNotarizedNothingAt() {
    fx.addNotarizedBlock(1);

    assertThat(run()).isEmpty();
  }

  @Test
  void finalizerSignsEachHeightOnlyOnce() {
    Block b = fx.addNotarizedBlock(1);
    fx.recordOwnNotarizationShare(b);

    assertThat(run()).hasSize(1);
    assertThat(run()).isEmpty();
  }

  @Test
  void finalizerSignsEveryNotarizedHeightAboveTheFinalizedOne() {
    List<Block> chain = fx.addNotarizedChain(3);
    chain.forEach(fx::recordOwnNotarizationShare);
    fx.markFinalized(chain.get(0));

    assertThat(run()).extracting(FinalizationShare::height).containsExactly(2L, 3L);
  }
}
