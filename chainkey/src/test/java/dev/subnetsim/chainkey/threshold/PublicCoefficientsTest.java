package dev.subnetsim.chainkey.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublicCoefficientsTest {

  private final SeededRandom rng = SeededRandom.fromSeed(22);

  @Test
  void publicKeyShareOfNodeIsTheCommittedEvaluationAtIPlusOne() {
    Polynomial p = Polynomial.random(4, rng);
    PublicCoefficients pc = PublicCoefficients.commit(p);
    assertThat(pc.threshold()).isEqualTo(4);
    assertThat(pc.publicKey()).isEqualTo(G2Point.generator().mul(p.constantTerm()));
    for (int i = 0; i < 6; i++) {
      assertThat(pc.publicKeyShare(i)).isEqualTo(G2Point.generator().mul(p.evaluateAtNode(i)));
      assertThat(pc.verifyShare(i, p.evaluateAtNode(i))).isTrue();
    }
    Scalar big = Scalar.random(rng);
    assertThat(pc.evaluateAt(big)).isEqualTo(G2Point.generator().mul(p.evaluate(big)));
    assertThat(pc.publicKeyShares(3)).containsExactly(pc.publicKeyShare(0), pc.publicKeyShare(1), pc.publicKeyShare(2));
  }

  @Test
  void feldmanCheckRejectsAWrongShare() {
    Polynomial p = Polynomial.random(3, rng);
    PublicCoefficients pc = PublicCoefficients.commit(p);
    assertThat(pc.verifyShare(2, p.evaluateAtNode(2).add(Scalar.ONE))).isFalse();
    assertThat(pc.verifyShare(2, p.evaluateAtNode(3))).isFalse();
  }

  @Test
  void sumOfCommitmentsCommitsToTheSumOfPolynomials() {
    Polynomial a = Polynomial.random(3, rng);
    Polynomial b = Polynomial.random(2, rng);
    assertThat(PublicCoefficients.sum(List.of(PublicCoefficients.commit(a), PublicCoefficients.commit(b))))
        .isEqualTo(PublicCoefficients.commit(a.add(b)));
  }

  @Test
  void resharingByInterpolatingDealingsKeepsThePublicKey() {
    // Old committee: 4 nodes, threshold 3. Nodes 0, 2, 3 each reshare their share to a new
    // committee with threshold 2; interpolating their commitments at 0 gives the same key.
    Polynomial p = Polynomial.random(3, rng);
    PublicCoefficients old = PublicCoefficients.commit(p);
    java.util.Map<Integer, PublicCoefficients> dealings = new java.util.TreeMap<>();
    java.util.Map<Integer, Polynomial> polys = new java.util.TreeMap<>();
    for (int j : List.of(0, 2, 3)) {
      Polynomial q = Polynomial.randomWithConstant(p.evaluateAtNode(j), 2, rng);
      polys.put(j, q);
      dealings.put(j, PublicCoefficients.commit(q));
    }
    PublicCoefficients reshared = PublicCoefficients.interpolateAtZero(dealings);
    assertThat(reshared.publicKey()).isEqualTo(old.publicKey());
    assertThat(reshared.threshold()).isEqualTo(2);
    // New node 5's share = sum_j lambda_j q_j(6) matches the reshared commitment.
    java.util.Map<Integer, Scalar> sub = new java.util.TreeMap<>();
    polys.forEach((j, q) -> sub.put(j, q.evaluateAtNode(5)));
    assertThat(reshared.verifyShare(5, Lagrange.interpolateAtZero(sub))).isTrue();
    dealings.put(1, PublicCoefficients.commit(Polynomial.random(3, rng)));
    assertThatThrownBy(() -> PublicCoefficients.interpolateAtZero(dealings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different thresholds");
  }

  @Test
  void encodingRoundTripsAndMalformedBytesAreRejectedNamingTheCoefficient() {
    PublicCoefficients pc = PublicCoefficients.commit(Polynomial.random(3, rng));
    byte[] bytes = pc.toBytes();
    assertThat(bytes).hasSize(3 * 96);
    assertThat(PublicCoefficients.fromBytes(bytes)).isEqualTo(pc);
    assertThatThrownBy(() -> PublicCoefficients.fromBytes(new byte[95]))
        .isInstanceOf(MalformedPointException.class);
    assertThatThrownBy(() -> PublicCoefficients.fromBytes(new byte[0]))
        .isInstanceOf(MalformedPointException.class);
    byte[] bad = bytes.clone();
    bad[96] &= 0x7f; // coefficient 1 loses its compression flag
    assertThatThrownBy(() -> PublicCoefficients.fromBytes(bad))
        .isInstanceOf(MalformedPointException.class)
        .hasMessageContaining("coefficient 1");
  }
}
