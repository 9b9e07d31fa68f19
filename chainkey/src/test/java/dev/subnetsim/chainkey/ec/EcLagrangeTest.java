package dev.subnetsim.chainkey.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EcLagrangeTest {

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void coefficientsAtZeroForNodesZeroOneTwoAreThreeMinusThreeOne(EcCurve curve) {
    // x = 1, 2, 3: lambda_0 = 2*3/((2-1)(3-1)) = 3, lambda_1 = 1*3/((1-2)(3-2)) = -3,
    // lambda_2 = 1*2/((1-3)(2-3)) = 1.
    assertThat(EcLagrange.coefficientsAtZero(curve, List.of(0, 1, 2)))
        .containsExactly(EcScalar.of(curve, 3), EcScalar.of(curve, 3).neg(), EcScalar.one(curve));
    assertThat(EcLagrange.coefficientsAtZero(curve, List.of(2, 0, 1)))
        .containsExactly(EcScalar.one(curve), EcScalar.of(curve, 3), EcScalar.of(curve, 3).neg());
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void coefficientsAtArbitraryPointsRecoverAPolynomialFromItsValueAtZeroAndAtNodes(EcCurve curve) {
    EcPolynomial p = EcPolynomial.random(curve, 3, SeededRandom.fromSeed(4));
    List<EcScalar> xs = List.of(EcScalar.zero(curve), EcLagrange.evaluationPoint(curve, 2),
        EcLagrange.evaluationPoint(curve, 5));
    EcScalar x = EcLagrange.evaluationPoint(curve, 7);
    List<EcScalar> l = EcLagrange.coefficientsAt(x, xs);
    EcScalar value = EcScalar.zero(curve);
    for (int k = 0; k < xs.size(); k++) {
      value = value.add(l.get(k).mul(p.evaluate(xs.get(k))));
    }
    assertThat(value).isEqualTo(p.evaluateAtNode(7));
    assertThatThrownBy(() -> EcLagrange.coefficientsAt(x, List.of(x, x)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repeated");
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void sharesOfThresholdNodesInterpolateAnotherNodesShareInScalarsAndInTheExponent(EcCurve curve) {
    EcPolynomial p = EcPolynomial.random(curve, 3, SeededRandom.fromSeed(9));
    List<Integer> nodes = List.of(1, 3, 6);
    EcScalar x = EcLagrange.evaluationPoint(curve, 4);
    List<EcScalar> l = EcLagrange.coefficientsAt(curve, nodes, x);
    EcScalar value = EcScalar.zero(curve);
    Map<Integer, EcPoint> points = new TreeMap<>();
    for (int k = 0; k < nodes.size(); k++) {
      value = value.add(l.get(k).mul(p.evaluateAtNode(nodes.get(k))));
      points.put(nodes.get(k), EcPoint.mulGenerator(p.evaluateAtNode(nodes.get(k))));
    }
    assertThat(value).isEqualTo(p.evaluateAtNode(4));
    assertThat(EcLagrange.interpolatePointsAt(curve, points, x))
        .isEqualTo(EcPoint.mulGenerator(p.evaluateAtNode(4)));
    assertThat(EcLagrange.interpolatePoints(curve, points))
        .isEqualTo(EcPoint.mulGenerator(p.constant()));
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void rejectsNoNodesDuplicateNodesAndNegativeIndices(EcCurve curve) {
    EcScalar x = EcScalar.one(curve);
    assertThatThrownBy(() -> EcLagrange.coefficientsAt(curve, List.of(), x))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EcLagrange.coefficientsAt(curve, List.of(1, 1), x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate");
    assertThatThrownBy(() -> EcLagrange.coefficientsAt(curve, List.of(-1, 2), x))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
