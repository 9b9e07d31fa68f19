package dev.subnetsim.consensus.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CupShare;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CUP maker signs a share of the catch-up package content at each certified CUP height whose
 * block is finalized: content every honest replica computes alike.
 */
class CupMakerTest {
  private final PoolFixture fx = PoolFixture.builder().cupInterval(4).build();
  private final ConsensusPool pool = fx.pool();

  private List<CupShare> run(int node) {
    Changes changes = new Changes();
    new CupMaker(fx.context(node)).onStateChange(pool, 0, changes);
    return changes.outgoing.stream().map(o -> (CupShare) o.message()).toList();
  }

  /** A finalized chain to {@code height} with the given heights certified over a toy root. */
  private List<Block> certifiedChain(long height, long... certified) {
    List<Block> chain = fx.addNotarizedChain(height);
    chain.forEach(fx::markFinalized);
    for (long h : certified) {
      byte[] root = ConsensusPool.sha256(chain.get((int) h - 1).hash());
      pool.certifications.put(h, new Certification(h, root, ConsensusPool.sha256(root)));
    }
    return chain;
  }

  @Test
  void cupMakerSignsAShareOfTheContentAtACertifiedCupHeight() {
    List<Block> chain = certifiedChain(5, 4);
    Certification c = pool.certifications.get(4L);
    byte[] expected = new CatchUpPackage(4, chain.get(3).hash(), pool.beacons.get(4L),
        c.stateRoot(), c.signature(), new byte[0]).contentHash();

    List<CupShare> shares = run(fx.self());

    assertThat(shares).singleElement().satisfies(s -> {
      assertThat(s.height()).isEqualTo(4);
      assertThat(s.contentHash()).isEqualTo(expected);
      assertThat(fx.crypto().verifyCertificationShare(
          fx.node().dkg().keys(4).orElseThrow().certificationShares(), fx.self(),
          SignedMessages.cupMessage(4, expected), s.share())).isTrue();
    });
    assertThat(pool.unsignedCups).containsOnlyKeys(4L);
    assertThat(pool.unsignedCups.get(4L).contentHash()).isEqualTo(expected);
  }

  @Test
  void twoReplicasWithTheSameFinalizedCertifiedChainSignTheSameContent() {
    certifiedChain(4, 4);
    byte[] first = run(0).get(0).contentHash();
    pool.unsignedCups.clear();

    assertThat(run(1)).singleElement()
        .satisfies(s -> assertThat(s.contentHash()).isEqualTo(first));
  }

  @Test
  void cupMakerIgnoresCertifiedHeightsThatAreNotCupHeights() {
    certifiedChain(5, 3, 5);

    assertThat(run(fx.self())).isEmpty();
  }

  @Test
  void cupMakerWaitsForTheCupHeightsBlockToBeFinalized() {
    List<Block> chain = fx.addNotarizedChain(4);
    fx.markFinalized(chain.get(2));
    pool.certifications.put(4L, new Certification(4, new byte[32], new byte[48]));

    assertThat(run(fx.self())).isEmpty();
  }

  @Test
  void cupMakerSignsAHeightOnceAndNothingAtOrBelowTheLatestCup() {
    certifiedChain(8, 4, 8);
    assertThat(run(fx.self())).extracting(CupShare::height).containsExactly(4L, 8L);
    assertThat(run(fx.self())).isEmpty();
    pool.unsignedCups.clear();
    pool.latestCup = new CatchUpPackage(8, new byte[32], new byte[32], new byte[32], new byte[0]);

    assertThat(run(fx.self())).isEmpty();
  }
}
