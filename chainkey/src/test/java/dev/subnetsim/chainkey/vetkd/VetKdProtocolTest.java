package dev.subnetsim.chainkey.vetkd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.chainkey.threshold.InsufficientSharesException;
import dev.subnetsim.chainkey.threshold.ThresholdBls;
import dev.subnetsim.chainkey.threshold.ThresholdKeySet;
import dev.subnetsim.chainkey.threshold.Thresholds;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VetKdProtocolTest {

  private static final byte[] CANISTER = java.util.HexFormat.of().parseHex("00000000000000070101");
  private static final byte[] CONTEXT = "notes-app".getBytes(StandardCharsets.UTF_8);
  private static final byte[] INPUT = "alice@example.org".getBytes(StandardCharsets.UTF_8);

  private final SeededRandom rng = SeededRandom.fromSeed(2023_616);

  private record Setup(ThresholdKeySet keys, TransportSecretKey tsk, VetKdRequest.Prepared request) {}

  private Setup setup(int n, int t) {
    ThresholdKeySet keys = ThresholdBls.generateKeys(n, t, rng.fork("keys"));
    TransportSecretKey tsk = TransportSecretKey.random(rng.fork("client"));
    VetKdRequest request = new VetKdRequest(DerivationContext.of(CANISTER, CONTEXT), INPUT, tsk.publicKey());
    return new Setup(keys, tsk, request.prepare(keys.publicKey()));
  }

  private Map<Integer, EncryptedKeyShare> shares(Setup s, List<Integer> nodes) {
    Map<Integer, EncryptedKeyShare> out = new TreeMap<>();
    for (int i : nodes) {
      out.put(i, VetKdNode.createShare(s.request(), s.keys().secretKeyShare(i), rng.fork("node-" + i)));
    }
    return out;
  }

  private static List<Integer> range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).boxed().toList();
  }

  @ParameterizedTest
  @CsvSource({"4, 2", "4, 3", "7, 3", "7, 5", "13, 5", "13, 9"})
  void thresholdManySharesCombineToAKeyTheClientDecryptsAndVerifies(int n, int t) {
    Setup s = setup(n, t);
    CombinedEncryptedKey combined =
        EncryptedKeyCombiner.combineVerified(s.request(), s.keys().publicCoefficients(), shares(s, range(n - t, n)), rng.fork("batch"));
    VetKey key = EncryptedVetKey.fromBytes(combined.encryptedKey().toBytes())
        .decryptAndVerify(s.tsk(), s.request().derivedKey().publicKey(), INPUT);
    // The vetKey is the augmented BLS signature with the derived secret (msk + offset).
    Map<Integer, Scalar> firstT = new TreeMap<>();
    for (int i = 0; i < t; i++) {
      firstT.put(i, s.keys().secretKeyShare(i));
    }
    Scalar msk = dev.subnetsim.chainkey.threshold.Lagrange.interpolateAtZero(firstT);
    assertThat(key.signature()).isEqualTo(s.request().messagePoint().mul(msk.add(s.request().derivedKey().offset())));
    assertThat(combined.usedIndices()).hasSize(t);
    assertThat(combined.invalidIndices()).isEmpty();
    assertThat(combined.encryptedKey().toBytes()).hasSize(192);
  }

  @Test
  void differentSubsetsOfSharesDecryptToTheSameVetKey() {
    Setup s = setup(7, 5);
    EncryptedVetKey a = EncryptedKeyCombiner.combineUnchecked(shares(s, range(0, 5)));
    EncryptedVetKey b = EncryptedKeyCombiner.combineUnchecked(shares(s, range(2, 7)));
    G2Point dpk = s.request().derivedKey().publicKey();
    assertThat(a.toBytes()).isNotEqualTo(b.toBytes()); // fresh rho per share
    assertThat(a.decryptAndVerify(s.tsk(), dpk, INPUT)).isEqualTo(b.decryptAndVerify(s.tsk(), dpk, INPUT));
  }

  @Test
  void derivedPublicKeyEqualsTheMasterSecretShiftedByTheOffset() {
    Setup s = setup(4, 2);
    Scalar msk = dev.subnetsim.chainkey.threshold.Lagrange.interpolateAtZero(
        Map.of(0, s.keys().secretKeyShare(0), 3, s.keys().secretKeyShare(3)));
    assertThat(G2Point.generator().mul(msk.add(s.request().derivedKey().offset())))
        .isEqualTo(s.request().derivedKey().publicKey());
  }

  @Test
  void aTamperedEncryptedKeyIsRejectedByTheClient() {
    Setup s = setup(4, 3);
    EncryptedVetKey ek = EncryptedKeyCombiner.combineUnchecked(shares(s, range(0, 3)));
    G2Point dpk = s.request().derivedKey().publicKey();
    EncryptedVetKey c3Tampered = new EncryptedVetKey(ek.c1(), ek.c2(), ek.c3().add(G1Point.generator()));
    EncryptedVetKey c1Tampered = new EncryptedVetKey(ek.c1().add(G1Point.generator()), ek.c2(), ek.c3());
    assertThatThrownBy(() -> c3Tampered.decryptAndVerify(s.tsk(), dpk, INPUT))
        .isInstanceOf(InvalidVetKeyException.class).hasMessageContaining("not a signature");
    assertThatThrownBy(() -> c1Tampered.decryptAndVerify(s.tsk(), dpk, INPUT))
        .isInstanceOf(InvalidVetKeyException.class).hasMessageContaining("discrete log");
    assertThat(c3Tampered.isValid(s.request())).isFalse();
  }

  @Test
  void aWrongTransportKeyOrInputOrDerivedKeyIsRejectedByTheClient() {
    Setup s = setup(4, 3);
    EncryptedVetKey ek = EncryptedKeyCombiner.combineUnchecked(shares(s, range(1, 4)));
    G2Point dpk = s.request().derivedKey().publicKey();
    TransportSecretKey other = TransportSecretKey.random(rng.fork("eve"));
    assertThatThrownBy(() -> ek.decryptAndVerify(other, dpk, INPUT)).isInstanceOf(InvalidVetKeyException.class);
    assertThatThrownBy(() -> ek.decryptAndVerify(s.tsk(), dpk, "bob".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidVetKeyException.class);
    G2Point otherContextKey = DerivationContext.of(CANISTER, new byte[0]).derive(s.keys().publicKey()).publicKey();
    assertThatThrownBy(() -> ek.decryptAndVerify(s.tsk(), otherContextKey, INPUT)).isInstanceOf(InvalidVetKeyException.class);
    assertThat(ek.decryptAndVerify(s.tsk(), dpk, INPUT)).isNotNull();
  }

  @Test
  void aByzantineNodesBadShareIsRejectedAttributedAndCombinationStillSucceeds() {
    Setup s = setup(7, Thresholds.high(7));
    Map<Integer, EncryptedKeyShare> all = shares(s, range(0, 7));
    EncryptedKeyShare honest1 = all.get(1);
    // Node 1 encrypts a share made with a wrong key share; node 4 tampers c3 of its share.
    all.put(1, VetKdNode.createShare(s.request(), s.keys().secretKeyShare(1).add(Scalar.ONE), rng.fork("byz")));
    all.put(4, new EncryptedKeyShare(all.get(4).c1(), all.get(4).c2(), all.get(4).c3().add(G1Point.generator())));
    assertThat(EncryptedKeyCombiner.verifyShare(s.request(), s.keys().publicCoefficients().publicKeyShare(1), all.get(1))).isFalse();
    assertThat(EncryptedKeyCombiner.verifyShare(s.request(), s.keys().publicCoefficients().publicKeyShare(1), honest1)).isTrue();

    CombinedEncryptedKey verified = EncryptedKeyCombiner.combineVerified(s.request(), s.keys().publicCoefficients(), all, rng.fork("batch"));
    assertThat(verified.invalidIndices()).containsExactly(1, 4);
    assertThat(verified.usedIndices()).containsExactly(0, 2, 3, 5, 6);
    assertThat(verified.encryptedKey().decryptAndVerify(s.tsk(), s.request().derivedKey().publicKey(), INPUT)).isNotNull();

    CombinedEncryptedKey optimistic = EncryptedKeyCombiner.combineOptimistically(s.request(), s.keys().publicCoefficients(), all, rng.fork("batch"));
    assertThat(optimistic.invalidIndices()).containsExactly(1, 4); // the bad share was among the first five
    assertThat(optimistic.encryptedKey().isValid(s.request())).isTrue();
  }

  @Test
  void aShareVerifiedAgainstAnotherNodesKeyShareIsRejected() {
    Setup s = setup(4, 2);
    EncryptedKeyShare share0 = shares(s, List.of(0)).get(0);
    assertThat(EncryptedKeyCombiner.verifyShare(s.request(), s.keys().publicCoefficients().publicKeyShare(0), share0)).isTrue();
    assertThat(EncryptedKeyCombiner.verifyShare(s.request(), s.keys().publicCoefficients().publicKeyShare(2), share0)).isFalse();
  }

  @Test
  void tooFewValidSharesThrowAndStillNameTheInvalidSenders() {
    Setup s = setup(4, 3);
    Map<Integer, EncryptedKeyShare> all = shares(s, range(0, 3));
    all.put(2, new EncryptedKeyShare(all.get(2).c1(), all.get(2).c2(), all.get(2).c1()));
    assertThatThrownBy(() -> EncryptedKeyCombiner.combineOptimistically(s.request(), s.keys().publicCoefficients(), all, rng.fork("batch")))
        .isInstanceOfSatisfying(InsufficientSharesException.class, e -> {
          assertThat(e.invalidIndices()).containsExactly(2);
          assertThat(e.available()).isEqualTo(2);
        });
  }

  @Test
  void combiningWithCoefficientsOfAnotherMasterKeyIsRefused() {
    Setup s = setup(4, 2);
    ThresholdKeySet other = ThresholdBls.generateKeys(4, 2, rng.fork("other"));
    assertThatThrownBy(() -> EncryptedKeyCombiner.combineVerified(s.request(), other.publicCoefficients(), shares(s, range(0, 2)), rng))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another master key");
  }

  @Test
  void encryptedKeysAndSharesRoundTripAndMalformedBytesNameTheComponent() {
    Setup s = setup(4, 2);
    EncryptedKeyShare share = shares(s, List.of(3)).get(3);
    assertThat(EncryptedKeyShare.fromBytes(share.toBytes())).isEqualTo(share);
    byte[] bytes = share.toBytes();
    assertThatThrownBy(() -> EncryptedVetKey.fromBytes(java.util.Arrays.copyOf(bytes, 191)))
        .isInstanceOf(MalformedVetKdBytesException.class).hasMessageContaining("192 bytes");
    byte[] badC2 = bytes.clone();
    badC2[48] &= 0x7f; // clear the compression flag of c2
    assertThatThrownBy(() -> EncryptedVetKey.fromBytes(badC2))
        .isInstanceOf(MalformedVetKdBytesException.class).hasMessageContaining("c2");
    byte[] badC3 = bytes.clone();
    badC3[191] ^= 0x01; // almost surely off the curve or out of the subgroup
    assertThatThrownBy(() -> EncryptedKeyShare.fromBytes(badC3))
        .isInstanceOf(MalformedVetKdBytesException.class).hasMessageContaining("c3");
    assertThatThrownBy(() -> TransportPublicKey.fromBytes(new byte[47]))
        .isInstanceOf(MalformedVetKdBytesException.class).hasMessageContaining("transport public key");
    assertThatThrownBy(() -> TransportSecretKey.fromBytes(new byte[32]))
        .isInstanceOf(MalformedVetKdBytesException.class).hasMessageContaining("zero");
  }

  @Test
  void transportKeysRoundTripAndAreReproducibleFromTheSeed() {
    TransportSecretKey a = TransportSecretKey.random(SeededRandom.fromSeed(5).fork("t"));
    TransportSecretKey b = TransportSecretKey.random(SeededRandom.fromSeed(5).fork("t"));
    assertThat(a.toBytes()).isEqualTo(b.toBytes());
    assertThat(TransportSecretKey.fromBytes(a.toBytes()).publicKey()).isEqualTo(a.publicKey());
    assertThat(TransportPublicKey.fromBytes(a.publicKey().toBytes())).isEqualTo(a.publicKey());
    assertThat(a.toString()).doesNotContain(java.util.HexFormat.of().formatHex(a.toBytes()));
  }

  @Test
  void batchVerificationFindsEveryBadShareAmongManyAndAgreesWithOneByOneChecks() {
    Setup s = setup(13, 9);
    Map<Integer, EncryptedKeyShare> all = shares(s, range(0, 13));
    // Three kinds of bad share: wrong key share, c1/c2 with different logs, c3 shifted.
    all.put(2, VetKdNode.createShare(s.request(), s.keys().secretKeyShare(3), rng.fork("wrong-key")));
    all.put(7, new EncryptedKeyShare(all.get(7).c1().add(G1Point.generator()), all.get(7).c2(), all.get(7).c3()));
    all.put(12, new EncryptedKeyShare(all.get(12).c1(), all.get(12).c2(), all.get(12).c3().neg()));
    List<Integer> oneByOne = new java.util.ArrayList<>();
    for (Map.Entry<Integer, EncryptedKeyShare> e : all.entrySet()) {
      if (!EncryptedKeyCombiner.verifyShare(s.request(), s.keys().publicCoefficients().publicKeyShare(e.getKey()), e.getValue())) {
        oneByOne.add(e.getKey());
      }
    }
    assertThat(oneByOne).containsExactly(2, 7, 12);
    CombinedEncryptedKey combined = EncryptedKeyCombiner.combineVerified(
        s.request(), s.keys().publicCoefficients(), all, rng.fork("batch"));
    assertThat(combined.invalidIndices()).isEqualTo(oneByOne);
    CombinedEncryptedKey unbatched = EncryptedKeyCombiner.combineVerified(s.request(), s.keys().publicCoefficients(), all);
    assertThat(unbatched.invalidIndices()).isEqualTo(oneByOne);
    assertThat(unbatched.usedIndices()).isEqualTo(combined.usedIndices());
    assertThat(combined.usedIndices()).doesNotContainAnyElementsOf(oneByOne).hasSize(9);
    assertThat(combined.encryptedKey().decryptAndVerify(s.tsk(), s.request().derivedKey().publicKey(), INPUT)).isNotNull();
  }

  @Test
  void theBatchDoesNotAcceptTwoBadSharesThatCancelWithoutRandomizers() {
    // c3 of node 0 shifted by +P and of node 1 by -P: the unrandomized sums of the equations would
    // still balance; the random weights make both fail.
    Setup s = setup(4, 2);
    Map<Integer, EncryptedKeyShare> all = shares(s, range(0, 4));
    G1Point p = G1Point.generator().mul(Scalar.fromLong(5));
    all.put(0, new EncryptedKeyShare(all.get(0).c1(), all.get(0).c2(), all.get(0).c3().add(p)));
    all.put(1, new EncryptedKeyShare(all.get(1).c1(), all.get(1).c2(), all.get(1).c3().sub(p)));
    assertThat(EncryptedKeyCombiner.combineVerified(s.request(), s.keys().publicCoefficients(), all, rng.fork("b"))
        .invalidIndices()).containsExactly(0, 1);
  }
}
