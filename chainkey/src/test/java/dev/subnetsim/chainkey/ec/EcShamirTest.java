package dev.subnetsim.chainkey.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EcShamirTest {

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void anyThresholdSubsetReconstructsTheSecretAndItsPublicKey(EcCurve curve) {
    SeededRandom rng = SeededRandom.fromSeed(31 + curve.ordinal());
    EcScalar secret = EcScalar.random(curve, rng);
    EcShamir.Dealt d = EcShamir.deal(secret, 3, 7, rng);
    assertThat(d.publicKey().publicKey()).isEqualTo(EcPoint.mulGenerator(secret));
    assertThat(d.publicKey().isConsistent()).isTrue();
    List<EcSecretShare> sub = List.of(d.shares().get(6), d.shares().get(1), d.shares().get(4));
    assertThat(EcShamir.reconstruct(curve, sub)).isEqualTo(secret);
    TreeMap<Integer, EcPoint> pub = new TreeMap<>();
    for (EcSecretShare s : sub) {
      assertThat(s.publicShare()).isEqualTo(d.publicKey().publicKeyShare(s.index()));
      pub.put(s.index(), s.publicShare());
    }
    assertThat(EcLagrange.interpolatePoints(curve, pub)).isEqualTo(d.publicKey().publicKey());
  }

  @Test
  void fewerThanThresholdSharesInterpolateToSomethingElse() {
    SeededRandom rng = SeededRandom.fromSeed(5);
    EcScalar secret = EcScalar.random(EcCurve.P256, rng);
    EcShamir.Dealt d = EcShamir.deal(secret, 3, 5, rng);
    assertThat(EcShamir.reconstruct(EcCurve.P256, d.shares().subList(0, 2))).isNotEqualTo(secret);
  }

  @Test
  void nodeIndexIsEvaluatedAtIndexPlusOne() {
    EcPolynomial p = EcPolynomial.of(List.of(EcScalar.of(EcCurve.SECP256K1, 5), EcScalar.of(EcCurve.SECP256K1, 2)));
    assertThat(p.evaluateAtNode(0)).isEqualTo(EcScalar.of(EcCurve.SECP256K1, 7));
    assertThat(p.evaluateAtNode(3)).isEqualTo(EcScalar.of(EcCurve.SECP256K1, 13));
    assertThat(EcPolynomial.evaluateCommitments(p.commitments(), 3))
        .isEqualTo(EcPoint.mulGenerator(EcScalar.of(EcCurve.SECP256K1, 13)));
  }

  @Test
  void inconsistentPublicSharesAreDetected() {
    SeededRandom rng = SeededRandom.fromSeed(6);
    EcShamir.Dealt d = EcShamir.deal(EcScalar.random(EcCurve.ED25519, rng), 2, 4, rng);
    TreeMap<Integer, EcPoint> shares = new TreeMap<>(d.publicKey().publicKeyShares());
    shares.put(3, shares.get(3).add(EcCurve.ED25519.generator()));
    EcThresholdPublicKey bad = new EcThresholdPublicKey(EcCurve.ED25519, 2, d.publicKey().publicKey(), shares);
    assertThat(bad.isConsistent()).isFalse();
  }

  @Test
  void badInputsAreRejected() {
    assertThatThrownBy(() -> EcLagrange.coefficientsAtZero(EcCurve.P256, List.of(1, 1)))
        .hasMessageContaining("duplicate");
    assertThatThrownBy(() -> EcLagrange.coefficientsAtZero(EcCurve.P256, List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> EcShamir.deal(EcScalar.one(EcCurve.P256), 4, 3, SeededRandom.fromSeed(1)))
        .hasMessageContaining("below the threshold");
    assertThatThrownBy(() -> new EcSecretShare(-1, EcScalar.one(EcCurve.P256))).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> new EcThresholdPublicKey(EcCurve.P256, 2, EcCurve.P256.generator(),
            new TreeMap<>(java.util.Map.of(0, EcCurve.P256.generator())))).hasMessageContaining("exceeds");
  }
}
