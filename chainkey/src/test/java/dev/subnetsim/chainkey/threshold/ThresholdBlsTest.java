package dev.subnetsim.chainkey.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ThresholdBlsTest {

  private static final byte[] MSG = "beacon at height 7".getBytes(StandardCharsets.UTF_8);
  private final ThresholdBls tbls = ThresholdBls.ic();
  private final SeededRandom rng = SeededRandom.fromSeed(31);

  private static Map<Integer, G1Point> shares(ThresholdBls s, ThresholdKeySet keys, byte[] msg, List<Integer> nodes) {
    Map<Integer, G1Point> out = new TreeMap<>();
    for (int i : nodes) {
      out.put(i, s.signShare(keys.secretKeyShare(i), msg));
    }
    return out;
  }

  /** n = 3f+1 with thresholds f+1 and n-f, and an n that is not 3f+1. */
  @ParameterizedTest
  @CsvSource({"4, 2", "4, 3", "7, 3", "7, 5", "13, 5", "13, 9", "5, 3", "6, 4", "1, 1"})
  void anyThresholdManyValidSharesCombineToASignatureUnderThePublicKey(int n, int t) {
    ThresholdKeySet keys = ThresholdBls.generateKeys(n, t, rng);
    List<Integer> first = java.util.stream.IntStream.range(0, t).boxed().toList();
    List<Integer> last = java.util.stream.IntStream.range(n - t, n).boxed().toList();
    G1Point a = tbls.combine(t, shares(tbls, keys, MSG, first));
    G1Point b = tbls.combine(t, shares(tbls, keys, MSG, last));
    assertThat(a).isEqualTo(b);
    assertThat(tbls.verify(keys.publicKey(), MSG, a)).isTrue();
    // It is the plain BLS signature of the (never reconstructed here) secret p(0).
    Scalar secret = Lagrange.interpolateAtZero(toMap(keys, first));
    assertThat(a).isEqualTo(tbls.signShare(secret, MSG));
  }

  private static Map<Integer, Scalar> toMap(ThresholdKeySet keys, List<Integer> nodes) {
    Map<Integer, Scalar> m = new TreeMap<>();
    nodes.forEach(i -> m.put(i, keys.secretKeyShare(i)));
    return m;
  }

  @Test
  void shareVerifiesAgainstItsOwnPublicKeyShareOnly() {
    ThresholdKeySet keys = ThresholdBls.generateKeys(4, 3, rng);
    PublicCoefficients pc = keys.publicCoefficients();
    G1Point s1 = tbls.signShare(keys.secretKeyShare(1), MSG);
    assertThat(tbls.verifyShare(pc, 1, MSG, s1)).isTrue();
    assertThat(tbls.verifyShare(pc, 2, MSG, s1)).isFalse();
    assertThat(tbls.verifyShare(pc, 1, "other".getBytes(StandardCharsets.UTF_8), s1)).isFalse();
    assertThat(tbls.verifyShare(pc, 1, MSG, s1.add(G1Point.generator()))).isFalse();
    assertThat(tbls.verifyShare(pc, 1, MSG, G1Point.identity())).isFalse();
  }

  @Test
  void combiningFewerThanThresholdSharesIsRejected() {
    ThresholdKeySet keys = ThresholdBls.generateKeys(7, 5, rng);
    Map<Integer, G1Point> four = shares(tbls, keys, MSG, List.of(0, 1, 2, 3));
    assertThatThrownBy(() -> tbls.combine(5, four))
        .isInstanceOf(InsufficientSharesException.class)
        .hasMessageContaining("need 5 shares, have 4");
    assertThatThrownBy(() -> tbls.combineVerified(keys.publicCoefficients(), MSG, four, rng))
        .isInstanceOf(InsufficientSharesException.class);
  }

  @Test
  void thresholdOutsideOneToNIsRejected() {
    assertThatThrownBy(() -> ThresholdBls.generateKeys(4, 5, rng)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ThresholdBls.generateKeys(4, 0, rng)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tbls.combine(0, Map.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void combiningWithoutVerificationAndAByzantineShareGivesAnInvalidSignature() {
    ThresholdKeySet keys = ThresholdBls.generateKeys(4, 3, rng);
    Map<Integer, G1Point> s = shares(tbls, keys, MSG, List.of(0, 1, 2));
    s.put(1, s.get(1).add(G1Point.generator()));
    assertThat(tbls.verify(keys.publicKey(), MSG, tbls.combine(3, s))).isFalse();
  }

  @Test
  void byzantineSharesAreAttributedToTheirSendersAndDroppedFromTheCombination() {
    int n = 13;
    int t = Thresholds.high(n);
    ThresholdKeySet keys = ThresholdBls.generateKeys(n, t, rng);
    List<Integer> all = java.util.stream.IntStream.range(0, n).boxed().toList();
    Map<Integer, G1Point> s = shares(tbls, keys, MSG, all);
    s.put(2, s.get(2).add(G1Point.generator())); // tampered
    s.put(7, tbls.signShare(keys.secretKeyShare(7), "other".getBytes(StandardCharsets.UTF_8))); // wrong message
    s.put(11, s.get(10)); // replayed another node's share
    CombinedSignature c = tbls.combineVerified(keys.publicCoefficients(), MSG, s, rng);
    assertThat(c.invalidIndices()).containsExactly(2, 7, 11);
    assertThat(c.usedIndices()).hasSize(t).doesNotContain(2, 7, 11);
    assertThat(tbls.verify(keys.publicKey(), MSG, c.signature())).isTrue();
  }

  @Test
  void invalidSharesAreNamedByNodeIndexWithoutCombining() {
    ThresholdKeySet keys = ThresholdBls.generateKeys(7, 3, rng);
    Map<Integer, G1Point> s = shares(tbls, keys, MSG, List.of(1, 3, 4, 6));
    assertThat(tbls.invalidShares(keys.publicCoefficients(), MSG, s, rng)).isEmpty();
    s.put(4, s.get(4).neg());
    assertThat(tbls.invalidShares(keys.publicCoefficients(), MSG, s, rng)).containsExactly(4);
  }

  @Test
  void tooManyByzantineSharesFailWithTheirIndices() {
    ThresholdKeySet keys = ThresholdBls.generateKeys(4, 3, rng);
    Map<Integer, G1Point> s = shares(tbls, keys, MSG, List.of(0, 1, 2, 3));
    s.put(0, G1Point.generator());
    s.put(3, G1Point.identity());
    assertThatThrownBy(() -> tbls.combineVerified(keys.publicCoefficients(), MSG, s, rng))
        .isInstanceOfSatisfying(
            InsufficientSharesException.class,
            e -> assertThat(e.invalidIndices()).containsExactly(0, 3))
        .hasMessageContaining("[0, 3]");
  }

  @Test
  void optimisticCombinationTakesTheFastPathWhenTheLowestSharesAreValid() {
    ThresholdKeySet keys = ThresholdBls.generateKeys(7, 5, rng);
    Map<Integer, G1Point> s = shares(tbls, keys, MSG, List.of(0, 1, 2, 3, 4, 5, 6));
    s.put(6, G1Point.generator()); // bad, but not among the five lowest: not looked at
    CombinedSignature c = tbls.combineOptimistically(keys.publicCoefficients(), MSG, s, rng);
    assertThat(c.usedIndices()).containsExactly(0, 1, 2, 3, 4);
    assertThat(c.invalidIndices()).isEmpty();
    assertThat(tbls.verify(keys.publicKey(), MSG, c.signature())).isTrue();
  }

  @Test
  void optimisticCombinationFallsBackToAttributionWhenALowShareIsBad() {
    ThresholdKeySet keys = ThresholdBls.generateKeys(7, 5, rng);
    Map<Integer, G1Point> s = shares(tbls, keys, MSG, List.of(0, 1, 2, 3, 4, 5, 6));
    s.put(1, s.get(1).add(G1Point.generator()));
    CombinedSignature c = tbls.combineOptimistically(keys.publicCoefficients(), MSG, s, rng);
    assertThat(c.invalidIndices()).containsExactly(1);
    assertThat(c.usedIndices()).containsExactly(0, 2, 3, 4, 5);
    assertThat(tbls.verify(keys.publicKey(), MSG, c.signature())).isTrue();
    Map<Integer, G1Point> few = shares(tbls, keys, MSG, List.of(0, 1));
    assertThatThrownBy(() -> tbls.combineOptimistically(keys.publicCoefficients(), MSG, few, rng))
        .isInstanceOf(InsufficientSharesException.class);
  }

  @Test
  void allValidSharesReportNoInvalidSender() {
    ThresholdKeySet keys = ThresholdBls.generateKeys(7, 3, rng);
    Map<Integer, G1Point> s = shares(tbls, keys, MSG, List.of(6, 2, 4, 5));
    CombinedSignature c = tbls.combineVerified(keys.publicCoefficients(), MSG, s, rng);
    assertThat(c.invalidIndices()).isEmpty();
    assertThat(c.usedIndices()).containsExactly(2, 4, 5);
    assertThat(tbls.verify(keys.publicKey(), MSG, c.signature())).isTrue();
  }

  @Test
  void signaturesUnderAnotherDstDoNotVerifyUnderTheIcDst() {
    ThresholdKeySet keys = ThresholdBls.generateKeys(1, 1, rng);
    ThresholdBls other = ThresholdBls.withDst("SUBNET_SIM_TEST_DST_");
    G1Point sig = other.signShare(keys.secretKeyShare(0), MSG);
    assertThat(other.verify(keys.publicKey(), MSG, sig)).isTrue();
    assertThat(tbls.verify(keys.publicKey(), MSG, sig)).isFalse();
  }
}
