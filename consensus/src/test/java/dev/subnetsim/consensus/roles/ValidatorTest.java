package dev.subnetsim.consensus.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Beacon;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.EquivocationProof;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Notarization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.crypto.CryptoOpCounter.Op;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.Validator.InvalidArtifactException;
import dev.subnetsim.consensus.roles.Validator.Verdict;
import dev.subnetsim.consensus.testing.PoolFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator's verdict on each artifact family: accepted into the pool, deferred, ignored, or
 * rejected with a reason naming the node at fault (the caller attributes it to the sender).
 */
class ValidatorTest {
  private final PoolFixture fx = PoolFixture.committeeOfFour();
  private final ConsensusPool pool = fx.pool();
  private final Validator validator = new Validator(fx.crypto(), fx.node().dkg());
  private final Changes changes = new Changes();

  private Verdict validate(ConsensusMessage m) {
    return validator.validate(pool, m, changes);
  }

  private Block blockAt1(int rank) {
    fx.addBeacon(1);
    return fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, rank));
  }

  // ---- notarization shares ----

  @Test
  void aValidNotarizationShareEntersThePool() {
    Block b = blockAt1(0);

    assertThat(validate(fx.notarizationShare(2, b))).isEqualTo(Verdict.ACCEPTED);
    assertThat(pool.notarizationShares.get(1L).get(b.id()))
        .containsOnlyKeys(2);
  }

  @Test
  void theSharesSignedOnAMessageAreDecidedWithTheReceivedOnesAndABadReceivedOneIsStillRejected() {
    PoolFixture shared = PoolFixture.builder().sharedVerificationCache().build();
    ConsensusPool ownPool = shared.pool();
    Validator v = new Validator(shared.crypto(), shared.node().dkg());
    shared.addBeacon(1);
    Block b = shared.block(1, shared.genesisHash(), shared.proposerOfRank(1, 0));
    byte[] own = shared.notarizationShare(0, b).signature(); // node 0 is the fixture's replica
    ownPool.notarizationShares.computeIfAbsent(1L, k -> new java.util.TreeMap<>())
        .computeIfAbsent(b.id(), k -> new java.util.TreeMap<>()).put(0, own);
    NotarizationShare forged = new NotarizationShare(1, b.hash(), 3,
        shared.notarizationShare(2, b).signature());

    v.verifySharesTogether(ownPool, List.of(shared.notarizationShare(1, b), forged));

    var ops = shared.crypto().ops();
    // Node 1's, the forged one, and those signed through the subnet's crypto (which remembers
    // them for the next batch on their message): our own, never verified before, and node 2's.
    assertThat(ops.count(Op.VERIFY_SHARE_BATCHED)).isEqualTo(4);
    assertThat(shared.crypto().verifyIndividual(0, SignedMessages.notarizationMessage(1,
        b.hash()), own)).isTrue();
    assertThatThrownBy(() -> v.validate(ownPool, forged, changes))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessage("invalid notarization share of node index 3");
    assertThat(v.validate(ownPool, shared.notarizationShare(1, b), changes))
        .isEqualTo(Verdict.ACCEPTED);
    assertThat(ops.count(Op.VERIFY_INDIVIDUAL)).isZero(); // every verdict came from the batch
  }

  @Test
  void aNotarizationShareSignedByAnotherNodeThanItsSignerIsRejectedNamingTheClaimedSigner() {
    Block b = blockAt1(0);
    NotarizationShare byOne = fx.notarizationShare(1, b);
    NotarizationShare claimsTwo = new NotarizationShare(1, b.hash(), 2, byOne.signature());

    assertThatThrownBy(() -> validate(claimsTwo)).isInstanceOf(InvalidArtifactException.class)
        .hasMessage("invalid notarization share of node index 2");
    assertThat(pool.notarizationShares).isEmpty();
  }

  @Test
  void aNotarizationShareWithAGarbageSignatureIsRejected() {
    Block b = blockAt1(0);

    assertThatThrownBy(() -> validate(new NotarizationShare(1, b.hash(), 3, new byte[48])))
        .isInstanceOf(InvalidArtifactException.class)
        .hasMessageContaining("node index 3");
  }

  @Test
  void aNotarizationShareForAnotherBlockThanItsSignatureCoversIsRejected() {
    Block b = blockAt1(0);
    Block other = blockAt1(1);
    NotarizationShare s = fx.notarizationShare(1, b);

    assertThatThrownBy(() -> validate(new NotarizationShare(1, other.hash(), 1, s.signature())))
        .hasMessage("invalid notarization share of node index 1");
  }

  @Test
  void aShareAtOrBelowTheFinalizedHeightIsIgnoredUnchecked() {
    List<Block> chain = fx.addNotarizedChain(1);
    fx.markFinalized(chain.get(0));

    assertThat(validate(new NotarizationShare(1, chain.get(0).hash(), 2, new byte[48])))
        .isEqualTo(Verdict.IGNORED);
    assertThat(pool.notarizationShares).isEmpty();
  }

  @Test
  void oneSignersSharesOnMoreBlocksAtAHeightThanThePerSignerLimitAreIgnored() {
    fx.addBeacon(1);
    int limit = pool.perSignerLimit();
    for (int i = 0; i < limit; i++) {
      Block b = fx.block(1, fx.genesisHash(), 0, List.of(new byte[] {(byte) i}));
      assertThat(validate(fx.notarizationShare(1, b))).isEqualTo(Verdict.ACCEPTED);
    }
    Block over = fx.block(1, fx.genesisHash(), 0, List.of(new byte[] {(byte) limit}));

    assertThat(validate(fx.notarizationShare(1, over))).isEqualTo(Verdict.IGNORED);
    assertThat(validate(fx.notarizationShare(2, over))).isEqualTo(Verdict.ACCEPTED);
    assertThat(pool.notarizationShares.get(1L)).hasSize(limit + 1);
  }

  // ---- the lookahead window ----

  @Test
  void aValidShareBeyondTheLookaheadWindowIsIgnoredAndNotStored() {
    long h = ConsensusPool.LOOKAHEAD + 1;
    byte[] hash = ConsensusPool.sha256(new byte[] {7});
    NotarizationShare s = new NotarizationShare(h, hash, 1, fx.crypto().signIndividually(
        fx.secrets(1), SignedMessages.notarizationMessage(h, hash)));

    assertThat(validate(s)).isEqualTo(Verdict.IGNORED);
    assertThat(pool.notarizationShares).isEmpty();
  }

  @Test
  void aShareAtTheEdgeOfTheLookaheadWindowIsStillChecked() {
    long h = ConsensusPool.LOOKAHEAD;

    assertThatThrownBy(() -> validate(new NotarizationShare(h, new byte[32], 1, new byte[48])))
        .hasMessage("invalid notarization share of node index 1");
  }

  @Test
  void aShareBeyondTheLookaheadOfANodeOutsideTheCommitteeIsRejected() {
    long h = ConsensusPool.LOOKAHEAD + 1;

    assertThatThrownBy(() -> validate(new NotarizationShare(h, new byte[32], 4, new byte[48])))
        .hasMessage("notarization-share of node index 4: no such node");
  }

  // ---- notarizations and finalizations ----

  @Test
  void aValidNotarizationIsAcceptedAndReportedAsCombined() {
    Block b = blockAt1(0);

    assertThat(validate(fx.notarization(b))).isEqualTo(Verdict.ACCEPTED);
    assertThat(pool.isNotarized(1, b.hash())).isTrue();
    assertThat(changes.combined).extracting(Changes.CombinedArtifact::kind)
        .containsExactly("notarization");
  }

  @Test
  void aNotarizationWithFewerThanAQuorumOfSignersIsRejected() {
    Block b = blockAt1(0);
    Notarization n = fx.notarization(b);

    assertThatThrownBy(() -> validate(new Notarization(1, b.hash(), List.of(0, 1),
        n.signature()))).hasMessage("only 2 signers, need 3");
  }

  @Test
  void aNotarizationWithADuplicateSignerIsRejected() {
    Block b = blockAt1(0);
    Notarization n = fx.notarization(b);

    assertThatThrownBy(() -> validate(new Notarization(1, b.hash(), List.of(0, 1, 1),
        n.signature()))).hasMessage("duplicate signers");
  }

  @Test
  void aNotarizationWhoseSignatureDoesNotMatchItsSignersIsRejected() {
    Block b = blockAt1(0);
    Notarization n = fx.notarization(b); // signed by 0, 1, 2

    assertThatThrownBy(() -> validate(new Notarization(1, b.hash(), List.of(1, 2, 3),
        n.signature()))).hasMessage("invalid notarization at 1");
    assertThat(pool.notarizations).isEmpty();
  }

  @Test
  void aFinalizationOverANotarizationSignatureIsRejected() {
    Block b = blockAt1(0);
    Notarization n = fx.notarization(b);

    assertThatThrownBy(() -> validate(new Finalization(1, b.hash(), n.signers(),
        n.signature()))).hasMessage("invalid finalization at 1");
  }

  @Test
  void aValidFinalizationIsAcceptedOnceAndThenIgnored() {
    Block b = blockAt1(0);
    Finalization f = fx.finalization(b);

    assertThat(validate(f)).isEqualTo(Verdict.ACCEPTED);
    assertThat(validate(f)).isEqualTo(Verdict.IGNORED);
    assertThat(pool.finalizations).containsOnlyKeys(1L);
  }

  // ---- block proposals ----

  @Test
  void aCorrectlyRankedSignedProposalOnANotarizedParentIsAcceptedAndRelayed() {
    Block b = blockAt1(0);
    BlockProposal p = fx.proposal(b);

    assertThat(validate(p)).isEqualTo(Verdict.ACCEPTED);
    assertThat(pool.candidates(1)).extracting(x -> x.block().hash()).containsExactly(b.hash());
    assertThat(changes.outgoing).extracting(Changes.Outgoing::message).containsExactly(p);
  }

  @Test
  void aProposalClaimingAnotherRankThanItsProposersIsRejectedNamingTheProposer() {
    fx.addBeacon(1);
    int proposer = fx.proposerOfRank(1, 2);
    Block lying = new Block(1, fx.genesisHash(), 0, proposer, 1, List.of());

    assertThatThrownBy(() -> validate(fx.proposal(lying)))
        .hasMessage("block of node index " + proposer + " claims rank 0 but has rank 2");
    assertThat(pool.proposals).isEmpty();
  }

  @Test
  void aProposalSignedByAnotherNodeThanItsProposerIsRejected() {
    Block b = blockAt1(0);
    int other = (b.proposer() + 1) % 4;
    byte[] forged = fx.crypto().signIndividually(fx.secrets(other),
        SignedMessages.proposalMessage(1, b.hash()));

    assertThatThrownBy(() -> validate(new BlockProposal(b, forged)))
        .hasMessage("invalid block proposal signature of node index " + b.proposer());
  }

  @Test
  void aProposalOnAParentThatIsNotNotarizedWaitsOutsideThePool() {
    fx.addBeacon(1);
    Block orphan = fx.block(1, ConsensusPool.sha256(new byte[] {9}), fx.proposerOfRank(1, 0));

    assertThat(validate(fx.proposal(orphan))).isEqualTo(Verdict.PENDING);
    assertThat(pool.proposals).isEmpty();
  }

  @Test
  void aProposalWithoutItsHeightsBeaconWaits() {
    fx.addBeacon(1);
    Block b = fx.block(1, fx.genesisHash(), fx.proposerOfRank(1, 0));
    pool.beacons.remove(1L);

    assertThat(validate(fx.proposal(b))).isEqualTo(Verdict.PENDING);
  }

  @Test
  void aProposalTimedBeforeItsParentIsRejected() {
    Block parent = fx.addNotarizedBlock(1); // time 1 ms
    fx.addBeacon(2);
    int proposer = fx.proposerOfRank(2, 0);
    Block early = new Block(2, parent.hash(), 0, proposer, parent.timeNanos() - 1, List.of());

    assertThatThrownBy(() -> validate(fx.proposal(early))).hasMessage("block of node index "
        + proposer + " has time " + (parent.timeNanos() - 1) + " before its parent's "
        + parent.timeNanos());
  }

  @Test
  void aProposalOverThePayloadLimitIsRejected() {
    PoolFixture small = PoolFixture.builder().maxIngressPerBlock(1).build();
    small.addBeacon(1);
    Block big = small.block(1, small.genesisHash(), small.proposerOfRank(1, 0),
        List.of(new byte[] {1}, new byte[] {2}));
    Validator v = new Validator(small.crypto(), small.node().dkg());

    assertThatThrownBy(() -> v.validate(small.pool(), small.proposal(big), new Changes()))
        .hasMessage("block exceeds the payload limit");
  }

  @Test
  void aProposalCarryingDkgContentOnASubnetWithoutDkgIsRejected() {
    fx.addBeacon(1);
    int proposer = fx.proposerOfRank(1, 0);
    Block b = new Block(1, fx.genesisHash(), 0, proposer, 1, List.of(), List.of(new byte[] {1}));

    assertThatThrownBy(() -> validate(fx.proposal(b))).hasMessage("block of node index "
        + proposer + ": block carries dkg content but the subnet has no DKG");
  }

  @Test
  void aSecondProposalOfOneProposerAtOneHeightYieldsAnEquivocationProofAndDisqualifiesIt() {
    Block first = blockAt1(0);
    Block second = fx.block(1, fx.genesisHash(), first.proposer(), List.of(new byte[] {1}));
    validate(fx.proposal(first));

    assertThat(validate(fx.proposal(second))).isEqualTo(Verdict.ACCEPTED);
    assertThat(changes.equivocations).singleElement().satisfies(e -> {
      assertThat(e.first().block().hash()).isEqualTo(first.hash());
      assertThat(e.second().block().hash()).isEqualTo(second.hash());
    });
    assertThat(pool.disqualified.get(1L)).containsExactly(first.proposer());
    assertThat(pool.candidates(1)).isEmpty();
  }

  @Test
  void anEquivocationProofOfOneBlockTwiceIsRejected() {
    BlockProposal p = fx.proposal(blockAt1(0));

    assertThatThrownBy(() -> validate(new EquivocationProof(p, p)))
        .hasMessage("not an equivocation");
  }

  @Test
  void anEquivocationProofWithAForgedHalfIsRejected() {
    Block a = blockAt1(0);
    Block b = fx.block(1, fx.genesisHash(), a.proposer(), List.of(new byte[] {1}));
    BlockProposal forged = new BlockProposal(b, fx.proposal(a).signature());

    assertThatThrownBy(() -> validate(new EquivocationProof(fx.proposal(a), forged)))
        .hasMessage("equivocation proof with an invalid signature");
    assertThat(pool.disqualified).isEmpty();
  }

  @Test
  void aProposalAlreadyInThePoolIsIgnored() {
    BlockProposal p = fx.proposal(blockAt1(0));
    validate(p);
    changes.outgoing.clear();

    assertThat(validate(p)).isEqualTo(Verdict.IGNORED);
    assertThat(changes.outgoing).as("not relayed again").isEmpty();
  }

  // ---- beacons ----

  @Test
  void aValidBeaconShareIsAcceptedAndAForgedOneRejectedNamingItsSigner() {
    BeaconShare good = fx.beaconShare(1, 1);

    assertThat(validate(good)).isEqualTo(Verdict.ACCEPTED);
    assertThatThrownBy(() -> validate(new BeaconShare(1, 2, good.share())))
        .hasMessage("invalid beacon share of node index 2");
    assertThat(pool.beaconShares.get(1L)).containsOnlyKeys(1);
  }

  @Test
  void aBeaconShareWaitsForThePreviousBeacon() {
    assertThat(validate(new BeaconShare(2, 1, new byte[48]))).isEqualTo(Verdict.PENDING);
  }

  @Test
  void aBeaconThatDoesNotVerifyIsRejected() {
    assertThatThrownBy(() -> validate(new Beacon(1, fx.beaconShare(1, 1).share())))
        .hasMessage("invalid random beacon at height 1");
    assertThat(pool.beacons).doesNotContainKey(1L);
  }
}
