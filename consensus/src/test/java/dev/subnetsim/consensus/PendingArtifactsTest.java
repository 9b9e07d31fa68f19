package dev.subnetsim.consensus;

import dev.subnetsim.consensus.types.Rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CertificationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.crypto.CryptoOpCounter.Op;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.Changes;
import dev.subnetsim.consensus.roles.Validator;
import dev.subnetsim.consensus.testing.PoolFixture;
import dev.subnetsim.consensus.types.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Validation as the replica runs it: a rejection names the peer that sent the artifact (not the
 * signer it claims), a deferred artifact is retried once what it waits for arrives, and one too far
 * ahead is not kept.
 */
class PendingArtifactsTest {
  private static final NodeId PEER = new NodeId(3);

  private final PoolFixture fx = PoolFixture.committeeOfFour();
  private final ConsensusPool pool = fx.pool();
  private final PendingArtifacts artifacts =
      new PendingArtifacts(pool, new Validator(fx.crypto(), fx.node().dkg()));

  @Test
  void anInvalidShareIsRejectedAndAttributedToThePeerThatSentIt() {
    fx.addBeacon(1);
    Block b = fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 0));
    NotarizationShare byOne = fx.notarizationShare(1, b);
    Changes changes = new Changes();

    artifacts.validate(PEER, new NotarizationShare(1, b.hash(), 2, byOne.signature()), changes);

    assertThat(changes.rejections).containsExactly(new Rejection(PEER,
        "notarization-share: invalid notarization share of node index 2"));
    assertThat(artifacts.size()).isZero();
  }

  @Test
  void aProposalOnAnUnknownParentIsRetriedAndAcceptedOnceTheParentIsNotarized() {
    fx.addBeacon(1);
    fx.addBeacon(2);
    Block parent = fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 0));
    fx.addProposal(parent);
    Block child = fx.block(2, parent.hash(), fx.proposerOfRank(2, 0));
    Changes changes = new Changes();
    artifacts.validate(PEER, fx.proposal(child), changes);
    assertThat(artifacts.size()).isEqualTo(1);
    assertThat(pool.proposals).doesNotContainKey(2L);

    fx.addNotarization(parent);
    artifacts.revalidate(changes);

    assertThat(artifacts.size()).isZero();
    assertThat(pool.candidates(2)).extracting(p -> p.block().hash())
        .containsExactly(child.hash());
    assertThat(changes.rejections).isEmpty();
  }

  @Test
  void aDeferredArtifactIsDroppedOnceItsHeightIsFinalized() {
    fx.addBeacon(1);
    Block orphan = fx.block(1, ConsensusPool.sha256(new byte[] {1}), fx.proposerOfRank(1, 0));
    Changes changes = new Changes();
    artifacts.validate(PEER, fx.proposal(orphan), changes);
    assertThat(artifacts.size()).isEqualTo(1);

    fx.markFinalized(fx.addNotarizedBlock(1, 1));
    artifacts.revalidate(changes);

    assertThat(artifacts.size()).isZero();
  }

  @Test
  void anArtifactWaitingMoreThanTwentyHeightsAboveTheNotarizedOneIsNotKept() {
    Changes changes = new Changes();

    // Beacon shares wait for the previous beacon; the notarized height is 0.
    artifacts.validate(PEER, new BeaconShare(21, 1, new byte[48]), changes);
    assertThat(artifacts.size()).isZero();
    artifacts.validate(PEER, new BeaconShare(20, 1, new byte[48]), changes);
    assertThat(artifacts.size()).isEqualTo(1);
    assertThat(changes.rejections).isEmpty();
  }

  @Test
  void sharesThatWaitedAreDecidedTogetherAndABadOneAmongThemIsRejectedAloneAndAttributed() {
    PoolFixture shared = PoolFixture.builder().sharedVerificationCache().build();
    ConsensusPool sharedPool = shared.pool();
    PendingArtifacts waiting =
        new PendingArtifacts(sharedPool, new Validator(shared.crypto(), shared.node().dkg()));
    byte[] root = ConsensusPool.sha256(new byte[] {5});
    // Node 1's valid share relabelled as node 2's: a valid point, not node 2's share.
    CertificationShare bad = new CertificationShare(3, root, 2,
        shared.certificationShare(1, 3, root).share());
    Changes changes = new Changes();
    for (CertificationShare s : List.of(shared.certificationShare(0, 3, root),
        shared.certificationShare(1, 3, root), bad, shared.certificationShare(3, 3, root))) {
      waiting.validate(PEER, s, changes); // the height is not executed yet: they wait
    }
    assertThat(waiting.size()).isEqualTo(4);

    sharedPool.recordExecuted(3, root);
    waiting.revalidate(changes);

    // One batch decided all four; validation found every verdict there.
    assertThat(shared.crypto().ops().count(Op.VERIFY_SHARE_BATCHED)).isEqualTo(4);
    assertThat(shared.crypto().ops().count(Op.VERIFY_THRESHOLD_SHARE)).isZero();
    assertThat(changes.rejections).containsExactly(new Rejection(PEER,
        "certification-share: invalid certification share of node index 2"));
    assertThat(sharedPool.certificationShares.get(3L).values().iterator().next().keySet())
        .containsExactly(0, 1, 3);
  }
}
