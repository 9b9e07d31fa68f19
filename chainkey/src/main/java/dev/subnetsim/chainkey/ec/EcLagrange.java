package dev.subnetsim.chainkey.ec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Lagrange interpolation over the scalar field of an {@link EcCurve}, for node indices evaluated
 * at x_i = i+1: lambda_i(x) = prod_{j != i} (x - x_j) / (x_i - x_j). Interpolates scalars and
 * points "in the exponent". The only EC Lagrange code; the BLS12-381 one is
 * {@code threshold.Lagrange}.
 */
public final class EcLagrange {
  private EcLagrange() {}

  /** x = i+1 for node index i >= 0. */
  public static EcScalar evaluationPoint(EcCurve curve, int nodeIndex) {
    if (nodeIndex < 0) {
      throw new IllegalArgumentException("node index must be >= 0, got " + nodeIndex);
    }
    return EcScalar.of(curve, nodeIndex + 1L);
  }

  /**
   * lambda_i(0) for the given node indices (same order).
   *
   * @throws IllegalArgumentException on an empty list or a duplicate or negative index
   */
  public static List<EcScalar> coefficientsAtZero(EcCurve curve, List<Integer> nodeIndices) {
    return coefficientsAt(curve, nodeIndices, EcScalar.zero(curve));
  }

  /**
   * lambda_i(x) = prod_{j != i} (x - x_j) / (x_i - x_j) for the given node indices (same order):
   * the one EC Lagrange implementation, at 0 for combining shares and at another node's point for
   * recovering or checking that node's share.
   *
   * @throws IllegalArgumentException on an empty list or a duplicate or negative index
   */
  public static List<EcScalar> coefficientsAt(EcCurve curve, List<Integer> nodeIndices, EcScalar x) {
    if (nodeIndices.isEmpty()) {
      throw new IllegalArgumentException("Lagrange interpolation needs at least one point");
    }
    if (new TreeSet<>(nodeIndices).size() != nodeIndices.size()) {
      throw new IllegalArgumentException("Lagrange interpolation: duplicate node index in " + nodeIndices);
    }
    List<EcScalar> xs = new ArrayList<>();
    for (int i : nodeIndices) {
      xs.add(evaluationPoint(curve, i));
    }
    return coefficientsAt(x, xs);
  }

  /**
   * lambda_i(x) for arbitrary distinct evaluation points xs (same order), e.g. when one of the
   * known values is the one at 0.
   *
   * @throws IllegalArgumentException on an empty list or repeated points
   */
  public static List<EcScalar> coefficientsAt(EcScalar x, List<EcScalar> xs) {
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("Lagrange interpolation needs at least one point");
    }
    if (new HashSet<>(xs).size() != xs.size()) { // membership only; order unused
      throw new IllegalArgumentException("Lagrange interpolation: repeated evaluation point");
    }
    EcCurve curve = x.curve();
    List<EcScalar> out = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      EcScalar num = EcScalar.one(curve);
      EcScalar den = EcScalar.one(curve);
      for (int j = 0; j < xs.size(); j++) {
        if (j != i) {
          num = num.mul(x.sub(xs.get(j)));
          den = den.mul(xs.get(i).sub(xs.get(j)));
        }
      }
      out.add(num.mul(den.inverse()));
    }
    return List.copyOf(out);
  }

  /** The secret sum lambda_i s_i from shares keyed by node index (iteration in key order). */
  public static EcScalar interpolateScalars(EcCurve curve, Map<Integer, EcScalar> shares) {
    List<Integer> idx = new ArrayList<>(new TreeSet<>(shares.keySet()));
    List<EcScalar> lambdas = coefficientsAtZero(curve, idx);
    EcScalar acc = EcScalar.zero(curve);
    for (int k = 0; k < idx.size(); k++) {
      acc = acc.add(lambdas.get(k).mul(shares.get(idx.get(k))));
    }
    return acc;
  }

  /** sum lambda_i(0) P_i from points keyed by node index, by multi-scalar multiplication. */
  public static EcPoint interpolatePoints(EcCurve curve, Map<Integer, EcPoint> shares) {
    return interpolatePointsAt(curve, shares, EcScalar.zero(curve));
  }

  /** sum lambda_i(x) P_i: the value at x "in the exponent" of the points keyed by node index. */
  public static EcPoint interpolatePointsAt(EcCurve curve, Map<Integer, EcPoint> shares, EcScalar x) {
    List<Integer> idx = new ArrayList<>(new TreeSet<>(shares.keySet()));
    List<EcScalar> lambdas = coefficientsAt(curve, idx, x);
    List<EcPoint> pts = new ArrayList<>();
    for (int i : idx) {
      pts.add(shares.get(i));
    }
    return EcPoint.multiScalarMul(pts, lambdas);
  }
}
