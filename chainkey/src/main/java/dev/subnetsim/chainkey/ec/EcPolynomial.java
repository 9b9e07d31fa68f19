package dev.subnetsim.chainkey.ec;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A polynomial a_0 + a_1 x + ... + a_{t-1} x^{t-1} over the scalar field of an {@link EcCurve}:
 * the dealer's secret in Shamir sharing with threshold t (any t evaluations determine it, t-1
 * reveal nothing about a_0). Node index i is evaluated at x = i+1, the BLS side's convention.
 * Immutable; {@link #toString()} hides the coefficients.
 */
public final class EcPolynomial {
  private final EcCurve curve;
  private final List<EcScalar> coefficients;

  private EcPolynomial(EcCurve curve, List<EcScalar> coefficients) {
    this.curve = curve;
    this.coefficients = coefficients;
  }

  /** From coefficients a_0, a_1, ... (at least one, all on one curve). */
  public static EcPolynomial of(List<EcScalar> coefficients) {
    if (coefficients.isEmpty()) {
      throw new IllegalArgumentException("a polynomial needs at least one coefficient");
    }
    EcCurve curve = coefficients.get(0).curve();
    for (EcScalar c : coefficients) {
      if (c.curve() != curve) {
        throw new IllegalArgumentException("polynomial coefficients on different curves");
      }
    }
    return new EcPolynomial(curve, List.copyOf(coefficients));
  }

  /** Uniformly random with {@code threshold} coefficients. */
  public static EcPolynomial random(EcCurve curve, int threshold, SecureRandom rng) {
    return randomWithConstant(EcScalar.random(curve, rng), threshold, rng);
  }

  /** Random except a_0 = secret. */
  public static EcPolynomial randomWithConstant(EcScalar secret, int threshold, SecureRandom rng) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
    }
    List<EcScalar> cs = new ArrayList<>(threshold);
    cs.add(secret);
    for (int k = 1; k < threshold; k++) {
      cs.add(EcScalar.random(secret.curve(), rng));
    }
    return new EcPolynomial(secret.curve(), List.copyOf(cs));
  }

  public EcCurve curve() {
    return curve;
  }

  /** The number of coefficients t (degree t-1). */
  public int threshold() {
    return coefficients.size();
  }

  public List<EcScalar> coefficients() {
    return coefficients;
  }

  /** a_0, the shared secret. */
  public EcScalar constant() {
    return coefficients.get(0);
  }

  /** p(x) by Horner's rule. */
  public EcScalar evaluate(EcScalar x) {
    EcScalar acc = EcScalar.zero(curve);
    for (int k = coefficients.size() - 1; k >= 0; k--) {
      acc = acc.mul(x).add(coefficients.get(k));
    }
    return acc;
  }

  /** The share of node index i: p(i+1). */
  public EcScalar evaluateAtNode(int nodeIndex) {
    return evaluate(EcLagrange.evaluationPoint(curve, nodeIndex));
  }

  /** Feldman commitments a_k * G, k = 0..t-1. */
  public List<EcPoint> commitments() {
    List<EcPoint> out = new ArrayList<>(coefficients.size());
    for (EcScalar c : coefficients) {
      out.add(EcPoint.mulGenerator(c));
    }
    return List.copyOf(out);
  }

  /**
   * The value at x = i+1 "in the exponent" of Feldman commitments: sum_k C_k (i+1)^k, by Horner's
   * rule with x, a small integer, applied by double-and-add in projective coordinates and one
   * normalization at the end (a scalar multiplication and a field inversion per step cost several
   * times more).
   */
  public static EcPoint evaluateCommitments(List<EcPoint> commitments, int nodeIndex) {
    EcCurve curve = commitments.get(0).curve();
    BigInteger x = EcLagrange.evaluationPoint(curve, nodeIndex).toBigInteger();
    ECPoint acc = curve.bcCurve().getInfinity();
    for (int k = commitments.size() - 1; k >= 0; k--) {
      EcPoint c = commitments.get(k);
      if (c.curve() != curve) {
        throw new IllegalArgumentException("point curve mismatch: " + curve.logName() + " vs "
            + c.curve().logName());
      }
      acc = timesSmall(acc, x).add(c.bc());
    }
    return EcPoint.of(curve, acc);
  }

  /** x * p by left-to-right double-and-add (x is a node's evaluation point, a few bits). */
  private static ECPoint timesSmall(ECPoint p, BigInteger x) {
    ECPoint r = p.getCurve().getInfinity();
    for (int bit = x.bitLength() - 1; bit >= 0; bit--) {
      r = r.twice();
      if (x.testBit(bit)) {
        r = r.add(p);
      }
    }
    return r;
  }

  @Override
  public String toString() {
    return "EcPolynomial(" + curve.logName() + ", t=" + coefficients.size() + ", <secret>)";
  }
}
