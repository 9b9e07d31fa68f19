package dev.subnetsim.chainkey.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PolynomialAndLagrangeTest {

  private final SeededRandom rng = SeededRandom.fromSeed(21);

  @Test
  void polynomialEvaluatesByHornerAndNodeIndexIsShiftedByOne() {
    Polynomial p = Polynomial.of(List.of(Scalar.fromLong(5), Scalar.fromLong(3), Scalar.fromLong(2)));
    assertThat(p.evaluate(Scalar.fromLong(4))).isEqualTo(Scalar.fromLong(5 + 12 + 32));
    assertThat(p.evaluateAtNode(0)).isEqualTo(p.evaluate(Scalar.ONE));
    assertThat(p.evaluateAtNode(3)).isEqualTo(Scalar.fromLong(5 + 12 + 32));
    assertThat(p.degree()).isEqualTo(2);
    assertThat(p.threshold()).isEqualTo(3);
    assertThat(p.toString()).doesNotContain("05");
  }

  @Test
  void anyThresholdSharesReconstructTheSecretAndFewerDoNot() {
    Scalar secret = Scalar.random(rng);
    Polynomial p = Polynomial.randomWithConstant(secret, 3, rng);
    List<Scalar> shares = p.sharesFor(5);
    assertThat(Lagrange.interpolateAtZero(Map.of(0, shares.get(0), 2, shares.get(2), 4, shares.get(4))))
        .isEqualTo(secret);
    assertThat(Lagrange.interpolateAtZero(Map.of(1, shares.get(1), 3, shares.get(3), 4, shares.get(4))))
        .isEqualTo(secret);
    assertThat(Lagrange.interpolateAtZero(Map.of(1, shares.get(1), 3, shares.get(3))))
        .isNotEqualTo(secret);
  }

  @Test
  void lagrangeCoefficientsAtZeroMatchTheGeneralFormula() {
    assertThat(Lagrange.coefficientsAtZero(List.of(5, 1_000_000, 2_000_000_000, 77, 123_456, 9)))
        .isEqualTo(Lagrange.coefficientsAt(Scalar.ZERO,
            List.of(5, 1_000_000, 2_000_000_000, 77, 123_456, 9).stream().map(NodeIndex::evaluationPoint).toList()));
    List<Integer> bigCommittee = java.util.stream.IntStream.range(0, 40).boxed().toList();
    assertThat(Lagrange.coefficientsAtZero(bigCommittee))
        .isEqualTo(Lagrange.coefficientsAt(Scalar.ZERO, bigCommittee.stream().map(NodeIndex::evaluationPoint).toList()));
    List<Integer> nodes = List.of(7, 0, 3, 12);
    List<Scalar> xs = nodes.stream().map(NodeIndex::evaluationPoint).toList();
    assertThat(Lagrange.coefficientsAtZero(nodes)).isEqualTo(Lagrange.coefficientsAt(Scalar.ZERO, xs));
    // Coefficients at any x sum to 1 (they interpolate the constant polynomial 1).
    Scalar sum = Lagrange.coefficientsAt(Scalar.fromLong(99), xs).stream().reduce(Scalar.ZERO, Scalar::add);
    assertThat(sum).isEqualTo(Scalar.ONE);
  }

  @Test
  void lagrangeAtAnArbitraryPointReproducesThePolynomial() {
    Polynomial p = Polynomial.random(4, rng);
    List<Scalar> xs = List.of(Scalar.fromLong(2), Scalar.fromLong(5), Scalar.fromLong(9), Scalar.fromLong(11));
    Scalar x = Scalar.random(rng);
    List<Scalar> l = Lagrange.coefficientsAt(x, xs);
    Scalar acc = Scalar.ZERO;
    for (int i = 0; i < xs.size(); i++) {
      acc = acc.add(l.get(i).mul(p.evaluate(xs.get(i))));
    }
    assertThat(acc).isEqualTo(p.evaluate(x));
    List<Scalar> atNode = Lagrange.coefficientsAt(Scalar.fromLong(5), xs);
    assertThat(atNode).containsExactly(Scalar.ZERO, Scalar.ONE, Scalar.ZERO, Scalar.ZERO);
  }

  @Test
  void interpolationInTheExponentMatchesScalarInterpolation() {
    Polynomial p = Polynomial.random(3, rng);
    Map<Integer, G1Point> g1 = new TreeMap<>();
    Map<Integer, G2Point> g2 = new TreeMap<>();
    for (int i : List.of(1, 4, 6)) {
      g1.put(i, G1Point.generator().mul(p.evaluateAtNode(i)));
      g2.put(i, G2Point.generator().mul(p.evaluateAtNode(i)));
    }
    assertThat(Lagrange.interpolateG1AtZero(g1)).isEqualTo(G1Point.generator().mul(p.constantTerm()));
    assertThat(Lagrange.interpolateG2AtZero(g2)).isEqualTo(G2Point.generator().mul(p.constantTerm()));
  }

  @Test
  void duplicateNegativeOrMissingIndicesAreRejected() {
    assertThatThrownBy(() -> Lagrange.coefficientsAtZero(List.of(1, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate node index 1");
    assertThatThrownBy(() -> Lagrange.coefficientsAtZero(List.of(-1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-negative");
    assertThatThrownBy(() -> Lagrange.coefficientsAtZero(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Lagrange.coefficientsAt(Scalar.ZERO, List.of(Scalar.ONE, Scalar.ONE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Polynomial.random(0, rng)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void batchInverseMatchesSingleInverses() {
    List<Scalar> xs = List.of(Scalar.random(rng), Scalar.fromLong(3), Scalar.random(rng));
    List<Scalar> inv = Scalar.batchInverse(xs);
    for (int i = 0; i < xs.size(); i++) {
      assertThat(inv.get(i)).isEqualTo(xs.get(i).inverse());
    }
    assertThatThrownBy(() -> Scalar.batchInverse(List.of(Scalar.ONE, Scalar.ZERO)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void thresholdsForThreeFPlusOneAndArbitraryN() {
    assertThat(Thresholds.faultsTolerated(13)).isEqualTo(4);
    assertThat(Thresholds.low(13)).isEqualTo(5);
    assertThat(Thresholds.high(13)).isEqualTo(9);
    assertThat(Thresholds.high(34)).isEqualTo(23);
    assertThat(Thresholds.high(40)).isEqualTo(27);
    assertThat(Thresholds.low(40)).isEqualTo(14);
    assertThat(Thresholds.high(4)).isEqualTo(3);
    assertThat(Thresholds.low(1)).isEqualTo(1);
    assertThat(Thresholds.high(1)).isEqualTo(1);
    assertThatThrownBy(() -> Thresholds.check(5, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 4]");
    assertThatThrownBy(() -> Thresholds.check(0, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Thresholds.faultsTolerated(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
