package dev.subnetsim.chainkey.ec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The public side of a threshold key on an {@link EcCurve}: Y = x*G and every node's public share
 * Y_i = x_i*G (node index i, evaluated at i+1), with reconstruction threshold t (any t shares
 * determine x; t-1 reveal nothing). Produced by a DKG transcript (or {@link EcShamir} as a
 * trusted dealer). Shares are kept sorted by node index.
 */
public record EcThresholdPublicKey(
    EcCurve curve, int threshold, EcPoint publicKey, SortedMap<Integer, EcPoint> publicKeyShares) {

  public EcThresholdPublicKey {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be >= 1, got " + threshold);
    }
    if (publicKey.curve() != curve) {
      throw new IllegalArgumentException("public key is on " + publicKey.curve().logName() + ", not " + curve.logName());
    }
    if (publicKeyShares.size() < threshold) {
      throw new IllegalArgumentException(
          "threshold " + threshold + " exceeds the number of nodes " + publicKeyShares.size());
    }
    TreeMap<Integer, EcPoint> copy = new TreeMap<>();
    for (Map.Entry<Integer, EcPoint> e : publicKeyShares.entrySet()) {
      if (e.getKey() < 0 || e.getValue().curve() != curve) {
        throw new IllegalArgumentException("bad public key share for node " + e.getKey());
      }
      copy.put(e.getKey(), e.getValue());
    }
    publicKeyShares = Collections.unmodifiableSortedMap(copy);
  }

  /** Number of nodes holding shares. */
  public int nodeCount() {
    return publicKeyShares.size();
  }

  /**
   * Y_i of node {@code index}.
   *
   * @throws IllegalArgumentException if the node holds no share of this key
   */
  public EcPoint publicKeyShare(int index) {
    EcPoint p = publicKeyShares.get(index);
    if (p == null) {
      throw new IllegalArgumentException("node " + index + " holds no share of this key");
    }
    return p;
  }

  /**
   * Whether the public shares are consistent with a polynomial of degree threshold-1 whose value
   * at 0 is the public key: every share is the interpolation of the first t shares, and those
   * interpolate to Y.
   */
  public boolean isConsistent() {
    var idx = new ArrayList<>(publicKeyShares.keySet());
    TreeMap<Integer, EcPoint> base = new TreeMap<>();
    for (int k = 0; k < threshold; k++) {
      base.put(idx.get(k), publicKeyShares.get(idx.get(k)));
    }
    if (!EcLagrange.interpolatePoints(curve, base).equals(publicKey)) {
      return false;
    }
    for (int k = threshold; k < idx.size(); k++) {
      int target = idx.get(k);
      EcPoint expected =
          EcLagrange.interpolatePointsAt(curve, base, EcLagrange.evaluationPoint(curve, target));
      if (!expected.equals(publicKeyShares.get(target))) {
        return false;
      }
    }
    return true;
  }
}
