package dev.subnetsim.consensus.byzantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CertificationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.EquivocationProof;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.FinalizationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.Changes.Outgoing;
import dev.subnetsim.consensus.testing.PoolFixture;
import dev.subnetsim.consensus.types.NodeId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each Byzantine behaviour rewrites exactly its part of an honest replica's outgoing messages
 * and leaves the rest as they were.
 */
class MisbehaviourTest {
  private final PoolFixture fx = PoolFixture.committeeOfFour();
  private final ConsensusPool pool = fx.pool();
  private final ConsensusCrypto crypto = fx.crypto();

  private Misbehaviour as(ByzantineBehaviour... behaviours) {
    return new Misbehaviour(behaviours.length == 0 ? Set.of() : EnumSet.of(behaviours[0],
        behaviours), fx.node(), fx.config().committee());
  }

  private static Outgoing broadcast(ConsensusMessage m) {
    return new Outgoing(null, m);
  }

  private Block blockAt1(int proposer) {
    fx.addBeacon(1);
    return fx.block(1, fx.genesisHash(), proposer);
  }

  /** An honest step's output: a beacon share, a notarization share and a finalization share. */
  private List<Outgoing> honest() {
    Block b = blockAt1(1);
    return List.of(broadcast(fx.beaconShare(0, 2)), broadcast(fx.notarizationShare(0, b)),
        broadcast(fx.finalizationShare(0, b)));
  }

  @Test
  void anHonestReplicasMessagesPassUnchanged() {
    List<Outgoing> honest = honest();

    assertThat(as().apply(honest, pool)).containsExactlyElementsOf(honest);
  }

  @Test
  void aWithholdingReplicaSendsNothing() {
    assertThat(as(ByzantineBehaviour.WITHHOLDING).apply(honest(), pool)).isEmpty();
  }

  @Test
  void invalidSignatureSharesReplaceNotarizationAndFinalizationSignaturesOnly() {
    List<Outgoing> honest = honest();

    List<Outgoing> out = as(ByzantineBehaviour.INVALID_SIGNATURE_SHARES).apply(honest, pool);

    assertThat(out).hasSize(3);
    assertThat(out.get(0)).isSameAs(honest.get(0));
    NotarizationShare n = (NotarizationShare) out.get(1).message();
    NotarizationShare honestN = (NotarizationShare) honest.get(1).message();
    assertThat(n.blockHash()).isEqualTo(honestN.blockHash());
    assertThat(n.signer()).isEqualTo(honestN.signer());
    assertThat(n.signature()).hasSize(48).isNotEqualTo(honestN.signature());
    assertThat(crypto.verifyIndividual(0, SignedMessages.notarizationMessage(1, n.blockHash()),
        n.signature())).isFalse();
    FinalizationShare f = (FinalizationShare) out.get(2).message();
    assertThat(crypto.verifyIndividual(0, SignedMessages.finalizationMessage(1, f.blockHash()),
        f.signature())).isFalse();
  }

  @Test
  void invalidBeaconSharesReplaceBeaconSharesOnly() {
    List<Outgoing> honest = honest();

    List<Outgoing> out = as(ByzantineBehaviour.INVALID_BEACON_SHARES).apply(honest, pool);

    BeaconShare s = (BeaconShare) out.get(0).message();
    assertThat(s.height()).isEqualTo(2);
    assertThat(crypto.verifyBeaconShare(0, SignedMessages.beaconMessage(2,
        ConsensusPool.sha256(pool.beacons.get(1L))), s.share())).isFalse();
    assertThat(out.subList(1, 3)).containsExactlyElementsOf(honest.subList(1, 3));
  }

  @Test
  void anEquivocatingMakerSendsItsBlockToTheLowerHalfAndAValidTwinToTheUpperHalf() {
    Block mine = blockAt1(0);
    BlockProposal p = fx.proposal(mine);

    List<Outgoing> out = as(ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER)
        .apply(List.of(broadcast(p)), pool);

    assertThat(out).extracting(Outgoing::to)
        .containsExactly(new NodeId(1), new NodeId(2), new NodeId(3));
    assertThat(out.get(0).message()).isSameAs(p);
    BlockProposal twin = (BlockProposal) out.get(1).message();
    assertThat(out.get(2).message()).isSameAs(twin);
    assertThat(twin.block().hash()).isNotEqualTo(mine.hash());
    assertThat(twin.block().height()).isEqualTo(1);
    assertThat(twin.block().rank()).isEqualTo(mine.rank());
    assertThat(crypto.verifyIndividual(0, SignedMessages.proposalMessage(1,
        twin.block().hash()), twin.signature())).isTrue();
  }

  @Test
  void anEquivocatingMakerNeitherRelaysOthersBlocksNorExposesEquivocations() {
    BlockProposal others = fx.proposal(blockAt1(2));
    BlockProposal a = fx.proposal(blockAt1(3));
    BlockProposal b = fx.proposal(fx.block(1, fx.genesisHash(), 3, List.of(new byte[] {1})));
    Outgoing kept = broadcast(fx.notarizationShare(0, a.block()));

    List<Outgoing> out = as(ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER).apply(List.of(
        broadcast(others), broadcast(new EquivocationProof(a, b)), kept), pool);

    assertThat(out).containsExactly(kept);
  }

  @Test
  void aDoubleSigningNotarySignsEveryBlockAtTheOpenHeightOnce() {
    Block x = blockAt1(1);
    Block y = blockAt1(2);
    fx.addProposal(x);
    fx.addProposal(y);
    Misbehaviour notary = as(ByzantineBehaviour.DOUBLE_SIGNING_NOTARY);

    List<Outgoing> out = notary.apply(List.of(), pool);

    assertThat(out).hasSize(4).allSatisfy(o -> assertThat(o.to()).isNull());
    assertThat(out).filteredOn(o -> o.message() instanceof NotarizationShare)
        .extracting(o -> Bytes.of(((NotarizationShare) o.message()).blockHash()))
        .containsExactlyInAnyOrder(x.id(), y.id());
    assertThat(out).filteredOn(o -> o.message() instanceof FinalizationShare).hasSize(2)
        .allSatisfy(o -> {
          FinalizationShare f = (FinalizationShare) o.message();
          assertThat(crypto.verifyIndividual(0, SignedMessages.finalizationMessage(1,
              f.blockHash()), f.signature())).isTrue();
        });
    assertThat(notary.apply(List.of(), pool)).as("each block once").isEmpty();
  }

  @Test
  void aRelabellingNodeResendsEachCertificationAndItsSharesAtTheNeighbouringHeightsOnce() {
    byte[] root = ConsensusPool.sha256(new byte[] {3});
    Certification c = new Certification(5, root, new byte[48]);
    pool.certifications.put(5L, c);
    CertificationShare share = fx.certificationShare(2, 5, root);
    pool.certificationShares.computeIfAbsent(5L, k -> new TreeMap<>())
        .computeIfAbsent(Bytes.of(root), k -> new TreeMap<>()).put(2, share.share());
    Misbehaviour relabeller = as(ByzantineBehaviour.RELABELLED_CERTIFICATIONS);

    List<ConsensusMessage> out = relabeller.apply(List.of(), pool).stream()
        .map(Outgoing::message).toList();

    assertThat(out).hasSize(4).allSatisfy(m -> assertThat(m.height()).isIn(4L, 6L));
    assertThat(out).filteredOn(m -> m instanceof Certification).hasSize(2)
        .allSatisfy(m -> assertThat(((Certification) m).signature()).isEqualTo(c.signature()));
    assertThat(out).filteredOn(m -> m instanceof CertificationShare).hasSize(2)
        .allSatisfy(m -> assertThat(((CertificationShare) m).share()).isEqualTo(share.share()));
    assertThat(relabeller.apply(List.of(), pool)).isEmpty();
  }
}
