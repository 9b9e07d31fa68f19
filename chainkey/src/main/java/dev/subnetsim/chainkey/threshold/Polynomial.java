package dev.subnetsim.chainkey.threshold;

import dev.subnetsim.chainkey.bls12381.Scalar;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A polynomial over Fr, a_0 + a_1 x + ... + a_{t-1} x^{t-1}, the dealer's secret in Shamir
 * sharing with threshold t (any t evaluations determine it; t-1 reveal nothing about a_0).
 * Immutable. {@link #toString()} does not print coefficients: they are secrets.
 */
public final class Polynomial {

  private final List<Scalar> coefficients;

  private Polynomial(List<Scalar> coefficients) {
    this.coefficients = coefficients;
  }

  /** From coefficients a_0, a_1, ... (at least one). */
  public static Polynomial of(List<Scalar> coefficients) {
    if (coefficients.isEmpty()) {
      throw new IllegalArgumentException("a polynomial needs at least one coefficient");
    }
    return new Polynomial(List.copyOf(coefficients));
  }

  /** A uniformly random polynomial with {@code threshold} coefficients (degree threshold-1). */
  public static Polynomial random(int threshold, SecureRandom rng) {
    return randomWithConstant(Scalar.random(rng), threshold, rng);
  }

  /** Random except a_0 = secret (resharing an existing secret). */
  public static Polynomial randomWithConstant(Scalar secret, int threshold, SecureRandom rng) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, got " + threshold);
    }
    List<Scalar> cs = new ArrayList<>(threshold);
    cs.add(secret);
    for (int k = 1; k < threshold; k++) {
      cs.add(Scalar.random(rng));
    }
    return new Polynomial(List.copyOf(cs));
  }

  /** p(x) by Horner's rule. */
  public Scalar evaluate(Scalar x) {
    Scalar acc = Scalar.ZERO;
    for (int k = coefficients.size() - 1; k >= 0; k--) {
      acc = acc.mul(x).add(coefficients.get(k));
    }
    return acc;
  }

  /** The share of node index i: p(i+1). */
  public Scalar evaluateAtNode(int nodeIndex) {
    return evaluate(NodeIndex.evaluationPoint(nodeIndex));
  }

  /** Shares of nodes 0..n-1. */
  public List<Scalar> sharesFor(int n) {
    List<Scalar> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(evaluateAtNode(i));
    }
    return List.copyOf(out);
  }

  public Polynomial add(Polynomial other) {
    int k = Math.max(coefficients.size(), other.coefficients.size());
    List<Scalar> cs = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      Scalar a = i < coefficients.size() ? coefficients.get(i) : Scalar.ZERO;
      Scalar b = i < other.coefficients.size() ? other.coefficients.get(i) : Scalar.ZERO;
      cs.add(a.add(b));
    }
    return new Polynomial(List.copyOf(cs));
  }

  public Scalar constantTerm() {
    return coefficients.get(0);
  }

  public List<Scalar> coefficients() {
    return coefficients;
  }

  /** Number of coefficients t: the number of evaluations needed to reconstruct. */
  public int threshold() {
    return coefficients.size();
  }

  public int degree() {
    return coefficients.size() - 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Polynomial p && coefficients.equals(p.coefficients);
  }

  @Override
  public int hashCode() {
    return coefficients.hashCode();
  }

  @Override
  public String toString() {
    return "Polynomial(threshold=" + threshold() + ", coefficients redacted)";
  }
}
