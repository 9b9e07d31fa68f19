package dev.subnetsim.chainkey.threshold;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lagrange interpolation over Fr: coefficients lambda_i(x) = prod_{j != i} (x - x_j) / (x_i - x_j)
 * and interpolation of scalars, G1 and G2 points "in the exponent" (the value at 0 of the
 * polynomial whose evaluations are given).
 *
 * <p>Cost: coefficients at 0 for node indices are ratios of products of small integers, so they
 * are computed exactly with machine-size factors and then reduced with one batched inversion for
 * all k denominators; the k curve multiplications that follow dominate by three orders of
 * magnitude.
 */
public final class Lagrange {
  private Lagrange() {}

  /**
   * lambda_i(0) for the evaluation points x_i = i+1 of the given node indices (same order).
   *
   * @throws IllegalArgumentException on an empty list or a duplicate or negative index
   */
  public static List<Scalar> coefficientsAtZero(List<Integer> nodeIndices) {
    if (nodeIndices.isEmpty()) {
      throw new IllegalArgumentException("Lagrange interpolation needs at least one point");
    }
    NodeIndex.checkDistinct(nodeIndices);
    int k = nodeIndices.size();
    long[] xs = new long[k];
    BigInteger product = BigInteger.ONE; // P = prod_j x_j
    for (int i = 0; i < k; i++) {
      xs[i] = nodeIndices.get(i) + 1L;
      product = product.multiply(BigInteger.valueOf(xs[i]));
    }
    // lambda_i(0) = prod_{j != i} x_j / prod_{j != i} (x_j - x_i) = P / (x_i * d_i). The d_i are
    // products of small integers: accumulate them in a long while that cannot overflow and fold
    // into a BigInteger only then, so the k^2 factors cost machine multiplications.
    List<Scalar> denominators = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      BigInteger den = BigInteger.valueOf(xs[i]);
      long chunk = 1;
      for (int j = 0; j < k; j++) {
        if (j == i) {
          continue;
        }
        long f = xs[j] - xs[i];
        if (Math.abs(chunk) >= (1L << 62) / Math.max(1, Math.abs(f))) {
          den = den.multiply(BigInteger.valueOf(chunk));
          chunk = 1;
        }
        chunk *= f;
      }
      denominators.add(Scalar.fromBigInteger(den.multiply(BigInteger.valueOf(chunk))));
    }
    List<Scalar> inv = Scalar.batchInverse(denominators);
    Scalar p = Scalar.fromBigInteger(product);
    List<Scalar> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      out.add(p.mul(inv.get(i)));
    }
    return List.copyOf(out);
  }

  /**
   * lambda_i(x) for arbitrary distinct evaluation points xs (same order). If x is one of the
   * points, that coefficient is 1 and the others 0.
   *
   * @throws IllegalArgumentException on an empty list or repeated points
   */
  public static List<Scalar> coefficientsAt(Scalar x, List<Scalar> xs) {
    int k = xs.size();
    if (k == 0) {
      throw new IllegalArgumentException("Lagrange interpolation needs at least one point");
    }
    if (new java.util.HashSet<>(xs).size() != k) {
      throw new IllegalArgumentException("evaluation points must be distinct");
    }
    // numerator_i = prod_{j != i} (x - x_j) via prefix and suffix products.
    Scalar[] diff = new Scalar[k];
    for (int i = 0; i < k; i++) {
      diff[i] = x.sub(xs.get(i));
    }
    Scalar[] prefix = new Scalar[k + 1];
    Scalar[] suffix = new Scalar[k + 1];
    prefix[0] = Scalar.ONE;
    suffix[k] = Scalar.ONE;
    for (int i = 0; i < k; i++) {
      prefix[i + 1] = prefix[i].mul(diff[i]);
      suffix[k - 1 - i] = suffix[k - i].mul(diff[k - 1 - i]);
    }
    List<Scalar> denominators = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      Scalar den = Scalar.ONE;
      for (int j = 0; j < k; j++) {
        if (j != i) {
          den = den.mul(xs.get(i).sub(xs.get(j)));
        }
      }
      denominators.add(den);
    }
    List<Scalar> inv = Scalar.batchInverse(denominators);
    List<Scalar> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      out.add(prefix[i].mul(suffix[i + 1]).mul(inv.get(i)));
    }
    return List.copyOf(out);
  }

  /** The secret p(0) from shares p(i+1) keyed by node index. */
  public static Scalar interpolateAtZero(Map<Integer, Scalar> sharesByNode) {
    TreeMap<Integer, Scalar> sorted = new TreeMap<>(sharesByNode);
    List<Scalar> lambdas = coefficientsAtZero(List.copyOf(sorted.keySet()));
    Scalar acc = Scalar.ZERO;
    int i = 0;
    for (Scalar s : sorted.values()) {
      acc = acc.add(lambdas.get(i++).mul(s));
    }
    return acc;
  }

  /** P(0) = sum lambda_i(0) * P_i for G1 points P_i = p(i+1) * B keyed by node index. */
  public static G1Point interpolateG1AtZero(Map<Integer, G1Point> pointsByNode) {
    TreeMap<Integer, G1Point> sorted = new TreeMap<>(pointsByNode);
    List<Scalar> lambdas = coefficientsAtZero(List.copyOf(sorted.keySet()));
    return G1Point.multiScalarMul(List.copyOf(sorted.values()), lambdas);
  }

  /** As {@link #interpolateG1AtZero} in G2. */
  public static G2Point interpolateG2AtZero(Map<Integer, G2Point> pointsByNode) {
    TreeMap<Integer, G2Point> sorted = new TreeMap<>(pointsByNode);
    List<Scalar> lambdas = coefficientsAtZero(List.copyOf(sorted.keySet()));
    return G2Point.multiScalarMul(List.copyOf(sorted.values()), lambdas);
  }
}
