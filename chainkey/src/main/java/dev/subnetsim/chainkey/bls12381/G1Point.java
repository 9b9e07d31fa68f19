package dev.subnetsim.chainkey.bls12381;

import java.util.List;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * A point of the prime-order subgroup G1 of BLS12-381 (over Fp, 48-byte compressed encoding).
 * Immutable; the operations, caches and equality are {@link GroupPoint}'s and the decoding {@link
 * PointGroup}'s, shared with G2.
 *
 * <p>Every instance is in the subgroup: decoding checks it, and the group operations preserve it.
 */
public final class G1Point extends GroupPoint<G1Point, P1, P1_Affine> {

  public static final int COMPRESSED_BYTES = 48;

  static final PointGroup<G1Point, P1, P1_Affine> GROUP = new PointGroup<>("G1",
      COMPRESSED_BYTES, new BlstOps<>(P1::new, P1::dup, P1::add, P1::dbl, P1::neg, P1::mult,
          P1::mult, P1::is_inf, P1::is_equal, P1::compress, P1::serialize, P1::to_affine,
          P1_Affine::new, P1_Affine::on_curve, P1_Affine::in_group, P1_Affine::to_jacobian),
      G1Point::new, P1.generator());

  private G1Point(P1 point) {
    super(point);
  }

  @Override
  PointGroup<G1Point, P1, P1_Affine> group() {
    return GROUP;
  }

  public static G1Point generator() {
    return GROUP.generator;
  }

  public static G1Point identity() {
    return GROUP.identity;
  }

  /**
   * Decodes a 48-byte compressed point, checking length, flags, x &lt; p, curve membership and
   * subgroup membership. The identity (0xc0 00..00) is accepted; callers that must refuse it
   * (public keys, signatures) check {@link #isIdentity()}.
   *
   * @throws MalformedPointException naming the failed check
   */
  public static G1Point fromBytes(byte[] bytes) {
    return GROUP.fromBytes(bytes);
  }

  /** Decodes and additionally rejects the identity. */
  public static G1Point fromBytesNonIdentity(byte[] bytes) {
    return GROUP.fromBytesNonIdentity(bytes);
  }

  /** Sum of the points (identity for an empty list). */
  public static G1Point sum(List<G1Point> points) {
    return GROUP.sum(points);
  }

  /**
   * {@code sum(k_i * P_i)} by Straus's interleaved wNAF method (one shared chain of doublings;
   * about half the cost of one blst multiplication per term for a few dozen terms). Variable
   * time: for public scalars only (Lagrange coefficients, batch randomizers), never secret keys.
   *
   * @throws IllegalArgumentException if the lists differ in length
   */
  public static G1Point multiScalarMul(List<G1Point> points, List<Scalar> scalars) {
    return GROUP.multiScalarMul(points, scalars);
  }
}
