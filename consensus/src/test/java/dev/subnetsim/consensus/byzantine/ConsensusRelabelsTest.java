package dev.subnetsim.consensus.byzantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.ChaumPedersenProof;
import dev.subnetsim.chainkey.dkg.Complaint;
import dev.subnetsim.chainkey.dkg.Dealing;
import dev.subnetsim.chainkey.dkg.DkgConfig;
import dev.subnetsim.chainkey.dkg.DkgDealer;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpRequest;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.DkgItemMessage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.dkg.DkgItem;
import dev.subnetsim.consensus.dkg.ThresholdKey;
import dev.subnetsim.consensus.wire.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConsensusRelabelsTest {
  private static final int SELF = 1;
  /** Stands in for the node's own key: a signature that names the bytes it signs. */
  private static final UnaryOperator<byte[]> SIGN_OWN =
      m -> Arrays.copyOf(ConsensusCrypto.sha256(m), 48);
  private final SeededRandom random = SeededRandom.fromSeed(31);

  private static DkgItem ownItem(DkgItem.Kind kind, byte[] body) {
    return new DkgItem(kind, 4, ThresholdKey.BEACON, SELF, body,
        SIGN_OWN.apply(DkgItem.signedMessage(kind, 4, ThresholdKey.BEACON, SELF, body)));
  }

  private static Dealing dealing() {
    SeededRandom rng = SeededRandom.fromSeed(32);
    List<G1Point> receivers = IntStream.range(0, 4)
        .mapToObj(i -> ReceiverKeyPair.random(rng).publicKey()).toList();
    DkgConfig config = DkgConfig.fresh("epoch-4".getBytes(StandardCharsets.UTF_8), 4, receivers,
        2);
    return new DkgDealer(config, SELF).createDealing(rng);
  }

  private DkgItem relabelled(DkgItem item) {
    // Through the wire, as a receiver sees it.
    ConsensusMessage m = ConsensusRelabels.relabel(new DkgItemMessage(9, item.encode()), 2,
        random, SELF, SIGN_OWN);
    DkgItemMessage d = (DkgItemMessage) MessageCodec.decode(MessageCodec.encode(m));
    assertThat(d.height()).isEqualTo(9);
    return DkgItem.decode(d.item());
  }

  @Test
  void anOwnDealingMovesToAnotherEpochKeyDealerOrReceiverAndIsReSignedWhenStillInItsName() {
    Dealing honest = dealing();
    DkgItem item = ownItem(DkgItem.Kind.DEALING, honest.toBytes());
    TreeSet<String> seen = new TreeSet<>();
    for (int i = 0; i < 80; i++) {
      DkgItem lie = relabelled(item);
      Dealing body = Dealing.fromBytes(lie.body());
      assertThat(body.commitment()).isEqualTo(honest.commitment());
      if (lie.targetEpoch() != item.targetEpoch()) {
        assertThat(lie.targetEpoch()).isEqualTo(6);
        seen.add("epoch");
      } else if (lie.key() != item.key()) {
        seen.add("key");
      } else if (lie.signer() != SELF) {
        // Another node's name: it cannot sign there, so its own signature goes along.
        assertThat(lie.signature()).isEqualTo(item.signature());
        seen.add("dealer");
      } else {
        assertThat(body.ciphertexts()).isNotEqualTo(honest.ciphertexts())
            .containsExactlyInAnyOrderElementsOf(honest.ciphertexts());
        seen.add("receiver");
      }
      if (lie.signer() == SELF) {
        assertThat(lie.signature()).isEqualTo(SIGN_OWN.apply(lie.signedMessage()));
      }
    }
    assertThat(seen).containsExactly("dealer", "epoch", "key", "receiver");
  }

  @Test
  void anOwnComplaintMovesToAnotherEpochKeyAccusedDealerOrComplainingReceiver() {
    Complaint honest = new Complaint(2, SELF, G1Point.generator(),
        new ChaumPedersenProof(Scalar.fromLong(3), Scalar.fromLong(4)));
    DkgItem item = ownItem(DkgItem.Kind.COMPLAINT, honest.toBytes());
    TreeSet<String> seen = new TreeSet<>();
    for (int i = 0; i < 80; i++) {
      DkgItem lie = relabelled(item);
      Complaint body = Complaint.fromBytes(lie.body());
      assertThat(body.proof()).isEqualTo(honest.proof());
      assertThat(lie.signer()).isEqualTo(SELF);
      assertThat(lie.signature()).isEqualTo(SIGN_OWN.apply(lie.signedMessage()));
      if (lie.targetEpoch() != item.targetEpoch()) {
        seen.add("epoch");
      } else if (lie.key() != item.key()) {
        seen.add("key");
      } else if (body.dealerIndex() != honest.dealerIndex()) {
        assertThat(lie.accused()).isEqualTo(body.dealerIndex());
        seen.add("dealer");
      } else {
        assertThat(body.complainerIndex()).isNotEqualTo(SELF);
        seen.add("receiver");
      }
    }
    assertThat(seen).containsExactly("dealer", "epoch", "key", "receiver");
  }

  @Test
  void aCatchUpRequestAsksForAnotherHeightAndAnUndecodableDkgItemIsLeftAsItWas() {
    assertThat(ConsensusRelabels.relabel(new CatchUpRequest(10), 3, random, SELF, SIGN_OWN))
        .isEqualTo(new CatchUpRequest(13));
    DkgItemMessage garbage = new DkgItemMessage(5, new byte[] {1, 2, 3});
    assertThat(ConsensusRelabels.relabel(garbage, 3, random, SELF, SIGN_OWN)).isSameAs(garbage);
  }
}
