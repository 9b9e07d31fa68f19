package dev.subnetsim.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bls.JblstBlsSignatures;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages hashed to G1 once per run: the remembered point is the hash-to-curve point of that
 * (DST, message), so signatures made and checked through it are the reference ones.
 */
class HashedMessagesTest {
  private static final String NUL = ThresholdBls.ic().dst();
  private static final String POP = JblstBlsSignatures.icMultiSignature().messageDst();
  private static final byte[] MSG = SignedMessages.notarizationMessage(3, new byte[32]);

  private final HashedMessages hashed = new HashedMessages();

  @Test
  void aMessageIsHashedOnceAndGivesTheHashToCurvePoint() {
    G1Point first = hashed.hash(MSG, POP);

    assertThat(first).isEqualTo(HashToCurve.hashToG1(MSG, POP));
    assertThat(hashed.hash(MSG.clone(), POP)).isSameAs(first);
    assertThat(hashed.size()).isEqualTo(1);
  }

  @Test
  void theSameMessageUnderAnotherDstOrAnotherMessageIsAnotherPoint() {
    byte[] other = SignedMessages.notarizationMessage(4, new byte[32]);

    assertThat(hashed.hash(MSG, NUL)).isEqualTo(HashToCurve.hashToG1(MSG, NUL))
        .isNotEqualTo(hashed.hash(MSG, POP));
    assertThat(hashed.hash(other, POP)).isNotEqualTo(hashed.hash(MSG, POP));
    assertThat(hashed.size()).isEqualTo(3);
  }

  @Test
  void itHoldsAtMostItsCapacity() {
    for (int i = 0; i < HashedMessages.CAPACITY / 2 + 3; i++) {
      hashed.hash(SignedMessages.notarizationMessage(i, new byte[32]), POP);
    }
    assertThat(hashed.size()).isLessThanOrEqualTo(HashedMessages.CAPACITY).isPositive();
  }

  @Test
  void sharesSignedThroughTheRememberedHashAreTheReferenceSignaturesAndVerify() {
    GenesisKeys keys = GenesisKeys.generate("hashed", 4, SeededRandom.fromSeed(9));
    ConsensusCrypto crypto = new ConsensusCrypto(keys.publicKeys(), VerificationCache.shared());
    NodeSecrets me = keys.secrets().get(2);

    byte[] individual = crypto.signIndividually(me, MSG);
    byte[] beacon = crypto.signBeaconShare(me, MSG);
    byte[] again = crypto.forReplica().signIndividually(me, MSG); // the hash remembered

    assertThat(individual).isEqualTo(again).isEqualTo(JblstBlsSignatures.icMultiSignature()
        .sign(me.multiSigKey(), MSG).toBytes());
    assertThat(beacon).isEqualTo(ThresholdBls.ic().signShare(me.beaconShare(), MSG).toBytes());
    assertThat(crypto.verifyIndividual(2, MSG, individual)).isTrue();
    assertThat(crypto.verifyIndividual(1, MSG, individual)).isFalse();
    assertThat(crypto.verifyBeaconShare(2, MSG, beacon)).isTrue();
    assertThat(crypto.verifyBeaconShare(2, SignedMessages.notarizationMessage(4, new byte[32]),
        beacon)).isFalse();
    assertThat(crypto.verifyMultiSignature(List.of(2), MSG, individual)).isTrue();
    assertThat(crypto.verifyMultiSignature(List.of(1, 2), MSG, individual)).isFalse();
  }
}
