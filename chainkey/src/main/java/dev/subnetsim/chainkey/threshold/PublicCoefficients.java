package dev.subnetsim.chainkey.threshold;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;
import dev.subnetsim.chainkey.bls12381.Scalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Feldman commitments to a polynomial in G2: A_k = a_k * G2. A_0 is the public key; the public key
 * share of node i is sum_k A_k (i+1)^k = p(i+1) * G2, so anyone can check a share or a signature
 * share against the commitment without learning the polynomial (the IC's "public coefficients").
 * Immutable.
 *
 * <p>Encoding: the compressed coefficients concatenated, 96 bytes each, a_0 first.
 */
public final class PublicCoefficients {

  private final List<G2Point> coefficients;
  // Public key shares are a pure function of the coefficients; verifiers ask for the same node's
  // share every round, and each costs threshold-1 small G2 multiplications.
  private final java.util.concurrent.ConcurrentHashMap<Integer, G2Point> shareCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private PublicCoefficients(List<G2Point> coefficients) {
    this.coefficients = coefficients;
  }

  public static PublicCoefficients of(List<G2Point> coefficients) {
    if (coefficients.isEmpty()) {
      throw new IllegalArgumentException("public coefficients need at least one point");
    }
    return new PublicCoefficients(List.copyOf(coefficients));
  }

  /** Commits to a polynomial: a_k * G2 for each coefficient. */
  public static PublicCoefficients commit(Polynomial p) {
    List<G2Point> cs = new ArrayList<>(p.threshold());
    for (Scalar a : p.coefficients()) {
      cs.add(G2Point.generator().mul(a));
    }
    return new PublicCoefficients(List.copyOf(cs));
  }

  /**
   * Decodes 96*t bytes.
   *
   * @throws MalformedPointException if the length is not a positive multiple of 96 or a point is
   *     malformed (the message names the coefficient)
   */
  public static PublicCoefficients fromBytes(byte[] bytes) {
    int size = G2Point.COMPRESSED_BYTES;
    if (bytes.length == 0 || bytes.length % size != 0) {
      throw new MalformedPointException(
          MalformedPointException.Reason.WRONG_LENGTH,
          "public coefficients must be a positive multiple of " + size + " bytes, got " + bytes.length);
    }
    List<G2Point> cs = new ArrayList<>(bytes.length / size);
    for (int off = 0; off < bytes.length; off += size) {
      try {
        cs.add(G2Point.fromBytes(Arrays.copyOfRange(bytes, off, off + size)));
      } catch (MalformedPointException e) {
        throw new MalformedPointException(e.reason(), "coefficient " + off / size + ": " + e.getMessage());
      }
    }
    return new PublicCoefficients(List.copyOf(cs));
  }

  public byte[] toBytes() {
    int size = G2Point.COMPRESSED_BYTES;
    byte[] out = new byte[size * coefficients.size()];
    for (int k = 0; k < coefficients.size(); k++) {
      System.arraycopy(coefficients.get(k).toBytes(), 0, out, k * size, size);
    }
    return out;
  }

  /** A_0 = a_0 * G2, the (threshold) public key. */
  public G2Point publicKey() {
    return coefficients.get(0);
  }

  /** t, the number of coefficients: shares needed to combine. */
  public int threshold() {
    return coefficients.size();
  }

  public List<G2Point> coefficients() {
    return coefficients;
  }

  /**
   * sum_k A_k x^k by Horner's rule. For node evaluation points x is a small integer, so each step
   * is a multiplication by a few-bit scalar (blst runs only as many doublings as x has bits).
   */
  public G2Point evaluateAt(Scalar x) {
    boolean small = x.toBigInteger().bitLength() < 63;
    long xs = small ? x.toBigInteger().longValueExact() : 0;
    G2Point acc = G2Point.identity();
    for (int k = coefficients.size() - 1; k >= 0; k--) {
      acc = (small ? acc.mulSmall(xs) : acc.mul(x)).add(coefficients.get(k));
    }
    return acc;
  }

  /** The public key share of node index i: p(i+1) * G2. */
  public G2Point publicKeyShare(int nodeIndex) {
    NodeIndex.checkIndex(nodeIndex);
    return shareCache.computeIfAbsent(nodeIndex, i -> evaluateAt(NodeIndex.evaluationPoint(i)));
  }

  /** Public key shares of nodes 0..n-1. */
  public List<G2Point> publicKeyShares(int n) {
    List<G2Point> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(publicKeyShare(i));
    }
    return List.copyOf(out);
  }

  /** Feldman check: share * G2 == the committed evaluation at node i. */
  public boolean verifyShare(int nodeIndex, Scalar share) {
    return G2Point.generator().mul(share).equals(publicKeyShare(nodeIndex));
  }

  /**
   * Coefficient-wise sum: the commitment to the sum of the polynomials (the DKG transcript of
   * several dealings). Lengths may differ (missing coefficients are the identity).
   */
  public PublicCoefficients add(PublicCoefficients other) {
    int k = Math.max(threshold(), other.threshold());
    List<G2Point> cs = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      G2Point a = i < threshold() ? coefficients.get(i) : G2Point.identity();
      G2Point b = i < other.threshold() ? other.coefficients.get(i) : G2Point.identity();
      cs.add(a.add(b));
    }
    return new PublicCoefficients(List.copyOf(cs));
  }

  public static PublicCoefficients sum(List<PublicCoefficients> all) {
    if (all.isEmpty()) {
      throw new IllegalArgumentException("sum of no public coefficients");
    }
    PublicCoefficients acc = all.get(0);
    for (int i = 1; i < all.size(); i++) {
      acc = acc.add(all.get(i));
    }
    return acc;
  }

  /**
   * Lagrange interpolation at 0 of public coefficients, coefficient by coefficient: given the
   * commitments of polynomials q_j dealt by old-committee node j (each resharing its share, so
   * q_j(0) = s_j), returns the commitment to sum_j lambda_j(0) q_j, whose constant term is the
   * unchanged public key. This is how a resharing transcript's public coefficients are formed.
   *
   * @throws IllegalArgumentException if the commitments have different thresholds
   */
  public static PublicCoefficients interpolateAtZero(java.util.Map<Integer, PublicCoefficients> byNodeIndex) {
    java.util.TreeMap<Integer, PublicCoefficients> sorted = new java.util.TreeMap<>(byNodeIndex);
    List<Scalar> lambdas = Lagrange.coefficientsAtZero(List.copyOf(sorted.keySet()));
    List<PublicCoefficients> pcs = List.copyOf(sorted.values());
    int t = pcs.get(0).threshold();
    for (PublicCoefficients pc : pcs) {
      if (pc.threshold() != t) {
        throw new IllegalArgumentException(
            "public coefficients of different thresholds: " + t + " and " + pc.threshold());
      }
    }
    List<G2Point> out = new ArrayList<>(t);
    for (int k = 0; k < t; k++) {
      List<G2Point> column = new ArrayList<>(pcs.size());
      for (PublicCoefficients pc : pcs) {
        column.add(pc.coefficients.get(k));
      }
      out.add(G2Point.multiScalarMul(column, lambdas));
    }
    return new PublicCoefficients(List.copyOf(out));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicCoefficients p && coefficients.equals(p.coefficients);
  }

  @Override
  public int hashCode() {
    return coefficients.hashCode();
  }

  @Override
  public String toString() {
    return "PublicCoefficients(threshold=" + threshold() + ", publicKey=" + publicKey() + ")";
  }
}
