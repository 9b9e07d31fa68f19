package dev.subnetsim.chainkey.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BlsSignatures} implementation must have. Subclasses supply the
 * implementation; the real one is {@link JblstBlsSignaturesTest}.
 */
public abstract class BlsSignaturesContractTest {

  protected abstract BlsSignatures bls();

  private final SeededRandom rng = SeededRandom.fromSeed(51);
  private static final byte[] MSG = "notarize block 0xabc at height 12".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER = "notarize block 0xdef at height 12".getBytes(StandardCharsets.UTF_8);

  private List<KeyPair> keys(int n) {
    List<KeyPair> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(bls().generateKeyPair(rng));
    }
    return out;
  }

  @Test
  void signatureVerifiesUnderItsKeyAndMessage() {
    KeyPair kp = bls().generateKeyPair(rng);
    Signature sig = bls().sign(kp.secretKey(), MSG);
    assertThat(sig.toBytes()).hasSize(48);
    assertThat(kp.publicKey().toBytes()).hasSize(96);
    assertThat(bls().verify(kp.publicKey(), MSG, sig)).isTrue();
  }

  @Test
  void signingIsDeterministic() {
    KeyPair kp = bls().generateKeyPair(rng);
    assertThat(bls().sign(kp.secretKey(), MSG)).isEqualTo(bls().sign(kp.secretKey(), MSG));
  }

  @Test
  void wrongMessageWrongKeyAndTamperedSignatureAreRejected() {
    KeyPair kp = bls().generateKeyPair(rng);
    KeyPair other = bls().generateKeyPair(rng);
    Signature sig = bls().sign(kp.secretKey(), MSG);
    assertThat(bls().verify(kp.publicKey(), OTHER, sig)).isFalse();
    assertThat(bls().verify(other.publicKey(), MSG, sig)).isFalse();
    assertThat(bls().verify(kp.publicKey(), MSG, new Signature(sig.point().add(G1Point.generator())))).isFalse();
    assertThat(bls().verify(kp.publicKey(), MSG, new Signature(sig.point().neg()))).isFalse();
  }

  @Test
  void identitySignatureAndKeyNeverVerifyAndAreRejectedWhenDecoded() {
    KeyPair kp = bls().generateKeyPair(rng);
    assertThat(bls().verify(kp.publicKey(), MSG, new Signature(G1Point.identity()))).isFalse();
    assertThat(bls().verify(new PublicKey(G2Point.identity()), MSG, new Signature(G1Point.identity()))).isFalse();
    assertThatThrownBy(() -> Signature.fromBytes(G1Point.identity().toBytes()))
        .isInstanceOfSatisfying(MalformedPointException.class,
            e -> assertThat(e.reason()).isEqualTo(MalformedPointException.Reason.IDENTITY_NOT_ALLOWED));
    assertThatThrownBy(() -> PublicKey.fromBytes(G2Point.identity().toBytes()))
        .isInstanceOf(MalformedPointException.class);
  }

  @Test
  void malformedSignatureAndKeyBytesAreRejectedWithTheReason() {
    KeyPair kp = bls().generateKeyPair(rng);
    byte[] sig = bls().sign(kp.secretKey(), MSG).toBytes();
    assertThatThrownBy(() -> Signature.fromBytes(java.util.Arrays.copyOf(sig, 47)))
        .isInstanceOfSatisfying(MalformedPointException.class,
            e -> assertThat(e.reason()).isEqualTo(MalformedPointException.Reason.WRONG_LENGTH));
    byte[] pk = kp.publicKey().toBytes();
    assertThatThrownBy(() -> PublicKey.fromBytes(java.util.Arrays.copyOf(pk, 48)))
        .isInstanceOf(MalformedPointException.class);
    assertThat(Signature.fromBytes(sig)).isEqualTo(bls().sign(kp.secretKey(), MSG));
    assertThat(PublicKey.fromBytes(pk)).isEqualTo(kp.publicKey());
  }

  @Test
  void multiSignatureOfAllSignersVerifiesAgainstTheirKeys() {
    List<KeyPair> kps = keys(7);
    List<Signature> sigs = kps.stream().map(k -> bls().sign(k.secretKey(), MSG)).toList();
    List<PublicKey> pks = kps.stream().map(KeyPair::publicKey).toList();
    Signature multi = bls().aggregate(sigs);
    assertThat(bls().verifyMultiSignature(pks, MSG, multi)).isTrue();
    assertThat(bls().verify(bls().aggregatePublicKeys(pks), MSG, multi)).isTrue();
  }

  @Test
  void multiSignatureFailsForAMissingSignerAWrongMessageOrAnExtraKey() {
    List<KeyPair> kps = keys(5);
    List<PublicKey> pks = kps.stream().map(KeyPair::publicKey).toList();
    Signature fourOfFive = bls().aggregate(kps.subList(0, 4).stream().map(k -> bls().sign(k.secretKey(), MSG)).toList());
    assertThat(bls().verifyMultiSignature(pks, MSG, fourOfFive)).isFalse();
    assertThat(bls().verifyMultiSignature(pks.subList(0, 4), MSG, fourOfFive)).isTrue();
    assertThat(bls().verifyMultiSignature(pks.subList(0, 4), OTHER, fourOfFive)).isFalse();
    assertThat(bls().verifyMultiSignature(pks.subList(1, 5), MSG, fourOfFive)).isFalse();
  }

  @Test
  void multiSignatureRejectsEmptyAndDuplicateSigners() {
    KeyPair kp = bls().generateKeyPair(rng);
    Signature s = bls().sign(kp.secretKey(), MSG);
    assertThatThrownBy(() -> bls().verifyMultiSignature(List.of(), MSG, s)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bls().verifyMultiSignature(List.of(kp.publicKey(), kp.publicKey()), MSG, bls().aggregate(List.of(s, s))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> bls().aggregate(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void batchOfValidSignaturesOnDistinctAndEqualMessagesVerifies() {
    List<SignedMessage> items = new ArrayList<>();
    for (KeyPair k : keys(6)) {
      byte[] m = items.size() % 2 == 0 ? MSG : ("m" + items.size()).getBytes(StandardCharsets.UTF_8);
      items.add(new SignedMessage(k.publicKey(), m, bls().sign(k.secretKey(), m)));
    }
    assertThat(bls().batchVerify(items, rng)).isTrue();
    assertThat(bls().findInvalid(items, rng)).isEmpty();
    assertThat(bls().batchVerify(List.of(), rng)).isTrue();
  }

  @Test
  void batchWithBadSharesFailsAndNamesExactlyTheBadIndices() {
    List<KeyPair> kps = keys(13);
    List<SignedMessage> items = new ArrayList<>();
    for (KeyPair k : kps) {
      items.add(new SignedMessage(k.publicKey(), MSG, bls().sign(k.secretKey(), MSG)));
    }
    SignedMessage s3 = items.get(3);
    items.set(3, new SignedMessage(s3.publicKey(), MSG, bls().sign(kps.get(4).secretKey(), MSG))); // another's share
    SignedMessage s9 = items.get(9);
    items.set(9, new SignedMessage(s9.publicKey(), MSG, new Signature(s9.signature().point().add(G1Point.generator()))));
    SignedMessage s12 = items.get(12);
    items.set(12, new SignedMessage(s12.publicKey(), OTHER, s12.signature()));
    assertThat(bls().batchVerify(items, rng)).isFalse();
    assertThat(bls().findInvalid(items, rng)).containsExactly(3, 9, 12);
  }

  @Test
  void compensatingBadSharesDoNotCancelInTheRandomizedBatch() {
    // sig_0 + D and sig_1 - D sum to a valid aggregate; only randomization catches them.
    List<KeyPair> kps = keys(3);
    List<SignedMessage> items = new ArrayList<>();
    for (KeyPair k : kps) {
      items.add(new SignedMessage(k.publicKey(), MSG, bls().sign(k.secretKey(), MSG)));
    }
    G1Point d = G1Point.generator().mul(Scalar.random(rng));
    items.set(0, new SignedMessage(kps.get(0).publicKey(), MSG, new Signature(items.get(0).signature().point().add(d))));
    items.set(1, new SignedMessage(kps.get(1).publicKey(), MSG, new Signature(items.get(1).signature().point().sub(d))));
    Signature agg = bls().aggregate(items.stream().map(SignedMessage::signature).toList());
    assertThat(bls().verifyMultiSignature(kps.stream().map(KeyPair::publicKey).toList(), MSG, agg)).isTrue();
    assertThat(bls().findInvalid(items, rng)).containsExactly(0, 1);
  }

  @Test
  void proofOfPossessionVerifiesForItsKeyOnlyAndIsNotASignature() {
    KeyPair kp = bls().generateKeyPair(rng);
    KeyPair other = bls().generateKeyPair(rng);
    ProofOfPossession pop = bls().provePossession(kp);
    assertThat(bls().verifyPossession(kp.publicKey(), pop)).isTrue();
    assertThat(bls().verifyPossession(other.publicKey(), pop)).isFalse();
    // A signature on the key bytes under the message DST is not a proof (domain separation).
    Signature onKey = bls().sign(kp.secretKey(), kp.publicKey().toBytes());
    assertThat(bls().verifyPossession(kp.publicKey(), new ProofOfPossession(onKey.point()))).isFalse();
    assertThat(ProofOfPossession.fromBytes(pop.toBytes())).isEqualTo(pop);
  }

  @Test
  void rogueKeyWithoutPossessionIsCaughtByTheProofCheck() {
    // pk_rogue = x*G2 - pk_victim makes the "multi-signature" x*H(m) verify for {victim, rogue}.
    KeyPair victim = bls().generateKeyPair(rng);
    Scalar x = Scalar.randomNonZero(rng);
    PublicKey rogue = new PublicKey(G2Point.generator().mul(x).sub(victim.publicKey().point()));
    Signature forged = bls().sign(SecretKey.of(x), MSG);
    assertThat(bls().verifyMultiSignature(List.of(victim.publicKey(), rogue), MSG, forged)).isTrue();
    // ...which is why keys are only admitted with a proof of possession, which the attacker
    // cannot produce for pk_rogue; any proof it offers fails.
    ProofOfPossession attempt = bls().provePossession(KeyPair.of(SecretKey.of(x)));
    assertThat(bls().verifyPossession(rogue, attempt)).isFalse();
  }

  @Test
  void secretKeyRejectsZeroAndHidesItsValue() {
    assertThatThrownBy(() -> SecretKey.of(Scalar.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecretKey.fromBytes(new byte[32])).isInstanceOf(IllegalArgumentException.class);
    KeyPair kp = bls().generateKeyPair(rng);
    assertThat(kp.secretKey().toString()).doesNotContain(Scalar.fromBytes(kp.secretKey().toBytes()).toString());
    assertThat(SecretKey.fromBytes(kp.secretKey().toBytes()).publicKey()).isEqualTo(kp.publicKey());
  }
}
