package dev.subnetsim.chainkey.bls12381;

import java.util.List;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * A point of the prime-order subgroup G2 of BLS12-381 (over Fp2, 96-byte compressed encoding).
 * Immutable; the operations, caches and equality are {@link GroupPoint}'s and the decoding {@link
 * PointGroup}'s, shared with G1.
 *
 * <p>Every instance is in the subgroup: decoding checks it, and the group operations preserve it.
 */
public final class G2Point extends GroupPoint<G2Point, P2, P2_Affine> {

  public static final int COMPRESSED_BYTES = 96;

  static final PointGroup<G2Point, P2, P2_Affine> GROUP = new PointGroup<>("G2",
      COMPRESSED_BYTES, new BlstOps<>(P2::new, P2::dup, P2::add, P2::dbl, P2::neg, P2::mult,
          P2::mult, P2::is_inf, P2::is_equal, P2::compress, P2::serialize, P2::to_affine,
          P2_Affine::new, P2_Affine::on_curve, P2_Affine::in_group, P2_Affine::to_jacobian),
      G2Point::new, P2.generator());

  private G2Point(P2 point) {
    super(point);
  }

  @Override
  PointGroup<G2Point, P2, P2_Affine> group() {
    return GROUP;
  }

  public static G2Point generator() {
    return GROUP.generator;
  }

  public static G2Point identity() {
    return GROUP.identity;
  }

  /**
   * Decodes a 96-byte compressed point, checking length, flags, x &lt; p, curve membership and
   * subgroup membership. The identity (0xc0 00..00, 96 bytes) is accepted; callers that must refuse it
   * (public keys, signatures) check {@link #isIdentity()}.
   *
   * @throws MalformedPointException naming the failed check
   */
  public static G2Point fromBytes(byte[] bytes) {
    return GROUP.fromBytes(bytes);
  }

  /** Decodes and additionally rejects the identity. */
  public static G2Point fromBytesNonIdentity(byte[] bytes) {
    return GROUP.fromBytesNonIdentity(bytes);
  }

  /** Sum of the points (identity for an empty list). */
  public static G2Point sum(List<G2Point> points) {
    return GROUP.sum(points);
  }

  /**
   * {@code sum(k_i * P_i)} by Straus's interleaved wNAF method (one shared chain of doublings;
   * about half the cost of one blst multiplication per term for a few dozen terms). Variable
   * time: for public scalars only (Lagrange coefficients, batch randomizers), never secret keys.
   *
   * @throws IllegalArgumentException if the lists differ in length
   */
  public static G2Point multiScalarMul(List<G2Point> points, List<Scalar> scalars) {
    return GROUP.multiScalarMul(points, scalars);
  }
}
