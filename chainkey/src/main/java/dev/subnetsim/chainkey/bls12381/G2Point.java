package dev.subnetsim.chainkey.bls12381;

import dev.subnetsim.chainkey.bls12381.MalformedPointException.Reason;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * A point of the prime-order subgroup G2 of BLS12-381 (over Fp2, 96-byte compressed encoding).
 * Immutable: blst's {@code P2} mutates in place on add/mult, so every operation works on a
 * {@code dup()} and the wrapped object never escapes.
 *
 * <p>Every instance is in the subgroup: decoding checks it, and the group operations preserve it.
 */
public final class G2Point {

  public static final int COMPRESSED_BYTES = 96;
  private static final String GROUP = "G2";

  private static final G2Point GENERATOR = new G2Point(P2.generator());
  private static final G2Point IDENTITY = new G2Point(new P2());

  private final P2 point;
  // Lazily computed views; races only recompute the same value.
  private volatile P2_Affine affine;
  private volatile byte[] compressed;

  private G2Point(P2 point) {
    this.point = point;
  }

  static G2Point wrap(P2 owned) {
    return new G2Point(owned);
  }

  public static G2Point generator() {
    return GENERATOR;
  }

  public static G2Point identity() {
    return IDENTITY;
  }

  /**
   * Decodes a 96-byte compressed point, checking length, flags, x &lt; p, curve membership and
   * subgroup membership. The identity (0xc0 00..00, 96 bytes) is accepted; callers that must refuse it
   * (public keys, signatures) check {@link #isIdentity()}.
   *
   * @throws MalformedPointException naming the failed check
   */
  public static G2Point fromBytes(byte[] bytes) {
    PointCodec.checkLengthAndFlags(bytes, COMPRESSED_BYTES, GROUP);
    if (PointCodec.isIdentityEncoding(bytes)) {
      return IDENTITY;
    }
    P2_Affine a;
    try {
      a = new P2_Affine(bytes);
    } catch (RuntimeException e) {
      throw PointCodec.fromBlstError(e, GROUP);
    }
    if (!a.on_curve()) {
      throw new MalformedPointException(Reason.NOT_ON_CURVE, "G2 point is not on the curve");
    }
    if (!a.in_group()) {
      throw new MalformedPointException(
          Reason.NOT_IN_SUBGROUP, "G2 point is not in the prime-order subgroup");
    }
    G2Point p = new G2Point(a.to_jacobian());
    p.affine = a;
    p.compressed = bytes.clone();
    return p;
  }

  /** Decodes and additionally rejects the identity. */
  public static G2Point fromBytesNonIdentity(byte[] bytes) {
    G2Point p = fromBytes(bytes);
    if (p.isIdentity()) {
      throw new MalformedPointException(Reason.IDENTITY_NOT_ALLOWED, "G2 point is the identity");
    }
    return p;
  }

  public G2Point add(G2Point other) {
    return new G2Point(point.dup().add(other.point));
  }

  public G2Point sub(G2Point other) {
    return add(other.neg());
  }

  public G2Point neg() {
    return new G2Point(point.dup().neg());
  }

  public G2Point mul(Scalar k) {
    return new G2Point(point.dup().mult(k.toBlst()));
  }

  /**
   * Multiplication by a small non-negative scalar given as a long (batch randomizers, node
   * indices): blst then runs only as many doublings as the scalar has bits.
   */
  public G2Point mulSmall(long k) {
    if (k < 0) {
      throw new IllegalArgumentException("mulSmall takes a non-negative scalar");
    }
    return new G2Point(point.dup().mult(java.math.BigInteger.valueOf(k)));
  }

  /** Sum of the points (identity for an empty list). */
  public static G2Point sum(List<G2Point> points) {
    P2 acc = new P2();
    for (G2Point p : points) {
      acc.add(p.point);
    }
    return new G2Point(acc);
  }

  /**
   * {@code sum(k_i * P_i)} by Straus's interleaved wNAF method (one shared chain of doublings;
   * about half the cost of one blst multiplication per term for a few dozen terms). Variable
   * time: for public scalars only (Lagrange coefficients, batch randomizers), never secret keys.
   *
   * @throws IllegalArgumentException if the lists differ in length
   */
  public static G2Point multiScalarMul(List<G2Point> points, List<Scalar> scalars) {
    return MultiScalarMul.g2(points, scalars);
  }

  public boolean isIdentity() {
    return point.is_inf();
  }

  /** The 96-byte compressed encoding. */
  public byte[] toBytes() {
    byte[] c = compressed;
    if (c == null) {
      c = point.compress();
      compressed = c;
    }
    return c.clone();
  }

  /** The 192-byte uncompressed encoding x || y (with the ZCash flags; identity is 0x40 00..). */
  public byte[] toUncompressedBytes() {
    return point.serialize();
  }

  /** A fresh copy of the blst point for callers in this package (never the wrapped one). */
  P2 blstCopy() {
    return point.dup();
  }

  /** Shared read-only access for this package; callers must not mutate it. */
  P2 blstReadOnly() {
    return point;
  }

  P2_Affine affine() {
    P2_Affine a = affine;
    if (a == null) {
      a = point.to_affine();
      affine = a;
    }
    return a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G2Point g && point.is_equal(g.point);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(compressedNoCopy());
  }

  private byte[] compressedNoCopy() {
    byte[] c = compressed;
    if (c == null) {
      c = point.compress();
      compressed = c;
    }
    return c;
  }

  @Override
  public String toString() {
    return "G2(" + HexFormat.of().formatHex(compressedNoCopy()) + ")";
  }
}
