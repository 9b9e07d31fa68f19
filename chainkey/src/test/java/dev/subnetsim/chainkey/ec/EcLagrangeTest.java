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
  void coefficientsAtZeroAreTheClosedFormRatiosOfNodePoints(EcCurve curve) {
    // lambda_i(0) = prod_{j != i} x_j / (x_j - x_i), the form the at-zero code used before it
    // became the x = 0 case of coefficientsAt.
    List<Integer> nodes = List.of(4, 0, 2);
    List<EcScalar> got = EcLagrange.coefficientsAtZero(curve, nodes);
    for (int i = 0; i < nodes.size(); i++) {
      EcScalar xi = EcLagrange.evaluationPoint(curve, nodes.get(i));
      EcScalar num = EcScalar.one(curve);
      EcScalar den = EcScalar.one(curve);
      for (int j = 0; j < nodes.size(); j++) {
        if (j != i) {
          EcScalar xj = EcLagrange.evaluationPoint(curve, nodes.get(j));
          num = num.mul(xj);
          den = den.mul(xj.sub(xi));
        }
      }
      assertThat(got.get(i)).isEqualTo(num.mul(den.inverse()));
    }
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
