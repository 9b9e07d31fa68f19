package dev.subnetsim.chainkey.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.random.SeededRandom;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The speed paths give the results of the plain ones: comb multiplication of a
 * {@link EcPoint#withFixedBaseTable} point, {@link EcPoint#mulAdd}, and the projective Horner
 * evaluation of commitments.
 */
class EcFixedBaseTest {

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void aFixedBasePointMultipliesLikeThePlainPoint(EcCurve curve) {
    SeededRandom rng = SeededRandom.fromSeed(40 + curve.ordinal());
    EcPoint plain = EcPoint.mulGenerator(EcScalar.randomNonZero(curve, rng));
    EcPoint fixed = plain.withFixedBaseTable();
    assertThat(fixed).isEqualTo(plain);
    assertThat(fixed.encode()).isEqualTo(plain.encode());
    List<EcScalar> scalars = new ArrayList<>(List.of(EcScalar.zero(curve), EcScalar.one(curve),
        EcScalar.of(curve, curve.order().subtract(BigInteger.ONE))));
    for (int i = 0; i < 10; i++) {
      scalars.add(EcScalar.random(curve, rng));
    }
    for (EcScalar s : scalars) {
      EcPoint expected = plain.mul(s);
      assertThat(fixed.mul(s)).isEqualTo(expected);
      assertThat(fixed.mul(s).encode()).isEqualTo(expected.encode());
    }
    assertThat(fixed.mul(EcScalar.zero(curve)).isIdentity()).isTrue();
    assertThat(fixed.withFixedBaseTable()).isSameAs(fixed);
    assertThat(curve.identity().withFixedBaseTable().mul(EcScalar.of(curve, 5)).isIdentity())
        .isTrue();
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void generatorCombMatchesBouncyCastlesPlainMultiplicationOnEdgeScalars(EcCurve curve) {
    SeededRandom rng = SeededRandom.fromSeed(70 + curve.ordinal());
    BigInteger n = curve.order();
    List<BigInteger> ks = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE,
        BigInteger.TWO, n.subtract(BigInteger.ONE), n.subtract(BigInteger.TWO),
        BigInteger.ONE.shiftLeft(n.bitLength() - 1), BigInteger.ONE.shiftLeft(31),
        BigInteger.ONE.shiftLeft(32), BigInteger.ONE.shiftLeft(224).subtract(BigInteger.ONE)));
    for (int i = 0; i < 20; i++) {
      ks.add(EcScalar.random(curve, rng).toBigInteger());
    }
    for (BigInteger k : ks) {
      EcPoint expected = EcPoint.of(curve, curve.bcGenerator().multiply(k));
      EcScalar s = EcScalar.of(curve, k);
      assertThat(EcPoint.mulGenerator(s)).as("k = %s", k).isEqualTo(expected);
      assertThat(EcPoint.mulGenerator(s).encode()).isEqualTo(expected.encode());
    }
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void aFixedBasePointRejectsAScalarOfAnotherCurve(EcCurve curve) {
    EcCurve other = EcCurve.values()[(curve.ordinal() + 1) % EcCurve.values().length];
    EcPoint fixed = curve.generator().mul(EcScalar.of(curve, 7)).withFixedBaseTable();
    assertThatThrownBy(() -> fixed.mul(EcScalar.one(other)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void mulAddIsTheSumOfTheTwoProducts(EcCurve curve) {
    SeededRandom rng = SeededRandom.fromSeed(50 + curve.ordinal());
    EcPoint q = EcPoint.mulGenerator(EcScalar.randomNonZero(curve, rng));
    for (EcPoint base : List.of(q, q.withFixedBaseTable())) {
      EcScalar a = EcScalar.random(curve, rng);
      EcScalar b = EcScalar.random(curve, rng);
      assertThat(EcPoint.mulAdd(a, curve.generator(), b, base))
          .isEqualTo(EcPoint.mulGenerator(a).add(q.mul(b)));
      assertThat(EcPoint.mulAdd(a, base, a.neg(), base).isIdentity()).isTrue();
      assertThat(EcPoint.mulAdd(EcScalar.zero(curve), curve.generator(), EcScalar.zero(curve),
          base).isIdentity()).isTrue();
      assertThat(EcPoint.mulAdd(EcScalar.one(curve), base, EcScalar.one(curve), base))
          .isEqualTo(q.add(q));
    }
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void commitmentsEvaluateToTheCommitmentOfThePolynomialsValue(EcCurve curve) {
    SeededRandom rng = SeededRandom.fromSeed(60 + curve.ordinal());
    for (int t : new int[] {1, 2, 5, 12}) {
      EcPolynomial poly = EcPolynomial.random(curve, t, rng);
      List<EcPoint> cs = poly.commitments();
      for (int i : new int[] {0, 1, 2, 6, 12, 33, 1000}) {
        EcPoint naive = curve.identity();
        EcScalar x = EcLagrange.evaluationPoint(curve, i);
        EcScalar power = EcScalar.one(curve);
        for (EcPoint c : cs) {
          naive = naive.add(c.mul(power));
          power = power.mul(x);
        }
        EcPoint got = EcPolynomial.evaluateCommitments(cs, i);
        assertThat(got).isEqualTo(naive).isEqualTo(EcPoint.mulGenerator(poly.evaluateAtNode(i)));
        assertThat(got.encode()).isEqualTo(naive.encode());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void commitmentsWithIdentityAndRepeatedPointsEvaluateCorrectly(EcCurve curve) {
    // Horner's additions hit the doubling and identity cases of the projective formulas.
    EcPoint g = curve.generator();
    List<EcPoint> cs = List.of(curve.identity(), g, g.neg(), g.mul(EcScalar.of(curve, 2)));
    for (int i = 0; i < 5; i++) {
      long x = i + 1;
      EcScalar expected = EcScalar.of(curve, x - x * x + 2 * x * x * x);
      assertThat(EcPolynomial.evaluateCommitments(cs, i))
          .isEqualTo(EcPoint.mulGenerator(expected));
    }
    assertThat(EcPolynomial.evaluateCommitments(List.of(curve.identity()), 3).isIdentity())
        .isTrue();
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void evaluatingCommitmentsOfMixedCurvesIsRefused(EcCurve curve) {
    EcCurve other = EcCurve.values()[(curve.ordinal() + 1) % EcCurve.values().length];
    assertThatThrownBy(() -> EcPolynomial.evaluateCommitments(
        List.of(curve.generator(), other.generator()), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EcPolynomial.evaluateCommitments(List.of(curve.generator()), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
