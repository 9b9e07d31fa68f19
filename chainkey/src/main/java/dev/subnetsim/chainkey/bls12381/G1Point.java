package dev.subnetsim.chainkey.bls12381;

import dev.subnetsim.chainkey.bls12381.MalformedPointException.Reason;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * A point of the prime-order subgroup G1 of BLS12-381 (over Fp, 48-byte compressed encoding).
 * Immutable: blst's {@code P1} mutates in place on add/mult, so every operation works on a
 * {@code dup()} and the wrapped object never escapes.
 *
 * <p>Every instance is in the subgroup: decoding checks it, and the group operations preserve it.
 */
public final class G1Point {

  public static final int COMPRESSED_BYTES = 48;
  private static final String GROUP = "G1";

  private static final G1Point GENERATOR = new G1Point(P1.generator());
  private static final G1Point IDENTITY = new G1Point(new P1());

  private final P1 point;
  // Lazily computed views; races only recompute the same value.
  private volatile P1_Affine affine;
  private volatile byte[] compressed;

  private G1Point(P1 point) {
    this.point = point;
  }

  static G1Point wrap(P1 owned) {
    return new G1Point(owned);
  }

  public static G1Point generator() {
    return GENERATOR;
  }

  public static G1Point identity() {
    return IDENTITY;
  }

  /**
   * Decodes a 48-byte compressed point, checking length, flags, x &lt; p, curve membership and
   * subgroup membership. The identity (0xc0 00..00) is accepted; callers that must refuse it
   * (public keys, signatures) check {@link #isIdentity()}.
   *
   * @throws MalformedPointException naming the failed check
   */
  public static G1Point fromBytes(byte[] bytes) {
    PointCodec.checkLengthAndFlags(bytes, COMPRESSED_BYTES, GROUP);
    if (PointCodec.isIdentityEncoding(bytes)) {
      return IDENTITY;
    }
    P1_Affine a;
    try {
      a = new P1_Affine(bytes);
    } catch (RuntimeException e) {
      throw PointCodec.fromBlstError(e, GROUP);
    }
    if (!a.on_curve()) {
      throw new MalformedPointException(Reason.NOT_ON_CURVE, "G1 point is not on the curve");
    }
    if (!a.in_group()) {
      throw new MalformedPointException(
          Reason.NOT_IN_SUBGROUP, "G1 point is not in the prime-order subgroup");
    }
    G1Point p = new G1Point(a.to_jacobian());
    p.affine = a;
    p.compressed = bytes.clone();
    return p;
  }

  /** Decodes and additionally rejects the identity. */
  public static G1Point fromBytesNonIdentity(byte[] bytes) {
    G1Point p = fromBytes(bytes);
    if (p.isIdentity()) {
      throw new MalformedPointException(Reason.IDENTITY_NOT_ALLOWED, "G1 point is the identity");
    }
    return p;
  }

  public G1Point add(G1Point other) {
    return new G1Point(point.dup().add(other.point));
  }

  public G1Point sub(G1Point other) {
    return add(other.neg());
  }

  public G1Point neg() {
    return new G1Point(point.dup().neg());
  }

  public G1Point mul(Scalar k) {
    return new G1Point(point.dup().mult(k.toBlst()));
  }

  /**
   * Multiplication by a small non-negative scalar given as a long (batch randomizers, node
   * indices): blst then runs only as many doublings as the scalar has bits.
   */
  public G1Point mulSmall(long k) {
    if (k < 0) {
      throw new IllegalArgumentException("mulSmall takes a non-negative scalar");
    }
    return new G1Point(point.dup().mult(java.math.BigInteger.valueOf(k)));
  }

  /** Sum of the points (identity for an empty list). */
  public static G1Point sum(List<G1Point> points) {
    P1 acc = new P1();
    for (G1Point p : points) {
      acc.add(p.point);
    }
    return new G1Point(acc);
  }

  /**
   * {@code sum(k_i * P_i)} by Straus's interleaved wNAF method (one shared chain of doublings;
   * about half the cost of one blst multiplication per term for a few dozen terms). Variable
   * time: for public scalars only (Lagrange coefficients, batch randomizers), never secret keys.
   *
   * @throws IllegalArgumentException if the lists differ in length
   */
  public static G1Point multiScalarMul(List<G1Point> points, List<Scalar> scalars) {
    return MultiScalarMul.g1(points, scalars);
  }

  public boolean isIdentity() {
    return point.is_inf();
  }

  /** The 48-byte compressed encoding. */
  public byte[] toBytes() {
    byte[] c = compressed;
    if (c == null) {
      c = point.compress();
      compressed = c;
    }
    return c.clone();
  }

  /** The 96-byte uncompressed encoding x || y (with the ZCash flags; identity is 0x40 00..). */
  public byte[] toUncompressedBytes() {
    return point.serialize();
  }

  /** A fresh copy of the blst point for callers in this package (never the wrapped one). */
  P1 blstCopy() {
    return point.dup();
  }

  /** Shared read-only access for this package; callers must not mutate it. */
  P1 blstReadOnly() {
    return point;
  }

  P1_Affine affine() {
    P1_Affine a = affine;
    if (a == null) {
      a = point.to_affine();
      affine = a;
    }
    return a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G1Point g && point.is_equal(g.point);
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
    return "G1(" + HexFormat.of().formatHex(compressedNoCopy()) + ")";
  }
}
