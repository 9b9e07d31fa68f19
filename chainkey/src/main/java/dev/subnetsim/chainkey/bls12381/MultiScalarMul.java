package dev.subnetsim.chainkey.bls12381;

import java.util.List;
import supranational.blst.P1;
import supranational.blst.P2;

/**
 * {@code sum(k_i * P_i)} in G1 and G2. jblst exposes no multi-scalar multiplication (blst's
 * Pippenger {@code blst_p1s_mult_pippenger} is not in the Java binding), so this accumulates one
 * native multiplication per term into a single mutable accumulator: no intermediate immutable
 * wrappers, no affine conversions.
 */
final class MultiScalarMul {
  private MultiScalarMul() {}

  static G1Point g1(List<G1Point> points, List<Scalar> scalars) {
    checkSizes(points.size(), scalars.size());
    P1 acc = new P1();
    for (int i = 0; i < points.size(); i++) {
      acc.add(points.get(i).blstCopy().mult(scalars.get(i).toBlst()));
    }
    return G1Point.wrap(acc);
  }

  static G2Point g2(List<G2Point> points, List<Scalar> scalars) {
    checkSizes(points.size(), scalars.size());
    P2 acc = new P2();
    for (int i = 0; i < points.size(); i++) {
      acc.add(points.get(i).blstCopy().mult(scalars.get(i).toBlst()));
    }
    return G2Point.wrap(acc);
  }

  private static void checkSizes(int points, int scalars) {
    if (points != scalars) {
      throw new IllegalArgumentException(points + " points but " + scalars + " scalars");
    }
  }
}
