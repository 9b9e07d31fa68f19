package dev.subnetsim.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.ConsensusNode.IngestedChain;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.pool.IngressPool;
import dev.subnetsim.consensus.roles.Validator;
import dev.subnetsim.consensus.testing.PoolFixture;
import dev.subnetsim.consensus.types.NodeId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adopting a peer's finalized chain: blocks up to each verified finalization are finalized in
 * order, one finalization at a time so the lookahead window moves with the chain; what fails
 * validation is rejected and attributed to the peer.
 */
class CatchUpIngestionTest {
  private static final NodeId PEER = new NodeId(2);

  private final PoolFixture fx = PoolFixture.committeeOfFour();
  private final ConsensusPool pool = fx.pool();
  private final CatchUpIngestion ingestion;

  CatchUpIngestionTest() {
    PendingArtifacts artifacts = new PendingArtifacts(pool,
        new Validator(fx.crypto(), fx.node().dkg()));
    ingestion = new CatchUpIngestion(pool, artifacts,
        new ChainFinalizer(fx.config(), pool, fx.node().dkg(), new IngressPool()));
  }

  /** A peer's chain of blocks 1..height (not in our pool), each on the previous. */
  private List<Block> peerChain(long height) {
    List<Block> chain = new ArrayList<>();
    byte[] parent = fx.genesisHash();
    for (long h = 1; h <= height; h++) {
      fx.addBeacon(h);
      Block b = fx.block(h, parent, fx.proposerOfRank(h, 0));
      chain.add(b);
      parent = b.hash();
    }
    // Our replica has not seen these heights: only the blocks travel.
    pool.beacons.tailMap(0L, false).clear();
    return chain;
  }

  @Test
  void aVerifiedFinalizationFinalizesThePeersChainUpToItInOrder() {
    List<Block> chain = peerChain(3);

    IngestedChain got = ingestion.ingest(PEER, chain, List.of(fx.finalization(chain.get(2))),
        List.of());

    assertThat(got.rejections()).isEmpty();
    assertThat(got.finalized()).extracting(Block::height).containsExactly(1L, 2L, 3L);
    assertThat(pool.finalizedHash).isEqualTo(chain.get(2).id());
  }

  @Test
  void aChainLongerThanTheLookaheadIsAdoptedOneFinalizationAtATime() {
    long far = ConsensusPool.LOOKAHEAD * 2;
    List<Block> chain = peerChain(far);
    List<Finalization> finalizations = List.of(fx.finalization(chain.get((int) far - 1)),
        fx.finalization(chain.get((int) ConsensusPool.LOOKAHEAD - 1)));

    IngestedChain got = ingestion.ingest(PEER, chain, finalizations, List.of());

    assertThat(got.rejections()).isEmpty();
    assertThat(pool.finalizedHeight).isEqualTo(far);
    assertThat(got.finalized()).hasSize((int) far);
  }

  @Test
  void aFinalizationBeyondTheLookaheadWithNoneBeforeItFinalizesNothing() {
    long far = ConsensusPool.LOOKAHEAD + 1;
    List<Block> chain = peerChain(far);

    IngestedChain got = ingestion.ingest(PEER, chain,
        List.of(fx.finalization(chain.get((int) far - 1))), List.of());

    assertThat(got.finalized()).isEmpty();
    assertThat(got.rejections()).isEmpty();
    assertThat(pool.catchUpBlocks).isEmpty();
  }

  @Test
  void aForgedFinalizationOrBeaconIsRejectedAndAttributedToThePeer() {
    List<Block> chain = peerChain(1);
    Finalization real = fx.finalization(chain.get(0));
    Finalization forged = new Finalization(1, chain.get(0).hash(), real.signers(),
        fx.notarization(chain.get(0)).signature());

    IngestedChain got = ingestion.ingest(PEER, chain, List.of(forged),
        List.of(new ConsensusMessage.Beacon(1, new byte[48])));

    assertThat(got.finalized()).isEmpty();
    assertThat(got.rejections()).extracting(r -> r.sender()).containsExactly(PEER, PEER);
    assertThat(got.rejections()).extracting(r -> r.reason()).containsExactly(
        "finalization: invalid finalization at 1",
        "random-beacon: invalid random beacon at height 1");
  }
}
