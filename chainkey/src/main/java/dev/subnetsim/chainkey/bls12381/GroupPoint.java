package dev.subnetsim.chainkey.bls12381;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The shared body of {@link G1Point} and {@link G2Point}: an immutable point of the group's
 * prime-order subgroup over blst's mutable point type {@code P}. Every operation works on a
 * {@code dup()}, so the wrapped object never changes and never escapes.
 *
 * @param <S> the point class itself
 * @param <P> blst's Jacobian point type
 * @param <A> blst's affine point type
 */
abstract sealed class GroupPoint<S extends GroupPoint<S, P, A>, P, A> permits G1Point, G2Point {
  private final P point;
  // Lazily computed views; races only recompute the same value.
  private volatile A affine;
  private volatile byte[] compressed;

  GroupPoint(P point) {
    this.point = point;
  }

  /** The group's constants and operations (a static of the subclass). */
  abstract PointGroup<S, P, A> group();

  /** Set by decoding, which has both views at hand. */
  final void cacheDecoded(A affine, byte[] compressed) {
    this.affine = affine;
    this.compressed = compressed;
  }

  public final S add(S other) {
    BlstOps<P, A> ops = group().ops;
    return group().wrap(ops.addInPlace().apply(ops.dup().apply(point), other.blstReadOnly()));
  }

  public final S sub(S other) {
    return add(other.neg());
  }

  public final S neg() {
    BlstOps<P, A> ops = group().ops;
    return group().wrap(ops.negInPlace().apply(ops.dup().apply(point)));
  }

  public final S mul(Scalar k) {
    BlstOps<P, A> ops = group().ops;
    return group().wrap(ops.multInPlace().apply(ops.dup().apply(point), k.toBlst()));
  }

  /**
   * Multiplication by a small non-negative scalar given as a long (batch randomizers, node
   * indices): blst then runs only as many doublings as the scalar has bits.
   */
  public final S mulSmall(long k) {
    if (k < 0) {
      throw new IllegalArgumentException("mulSmall takes a non-negative scalar");
    }
    BlstOps<P, A> ops = group().ops;
    return group().wrap(ops.multSmallInPlace().apply(ops.dup().apply(point), BigInteger.valueOf(k)));
  }

  public final boolean isIdentity() {
    return group().ops.isInf().test(point);
  }

  /** The compressed encoding (48 bytes in G1, 96 in G2). */
  public final byte[] toBytes() {
    return compressedNoCopy().clone();
  }

  /** The uncompressed encoding x || y (with the ZCash flags; identity is 0x40 00..). */
  public final byte[] toUncompressedBytes() {
    return group().ops.serialize().apply(point);
  }

  /** A fresh copy of the blst point for callers in this package (never the wrapped one). */
  final P blstCopy() {
    return group().ops.dup().apply(point);
  }

  /** Shared read-only access for this package; callers must not mutate it. */
  final P blstReadOnly() {
    return point;
  }

  final A affine() {
    A a = affine;
    if (a == null) {
      a = group().ops.toAffine().apply(point);
      affine = a;
    }
    return a;
  }

  @Override
  public final boolean equals(Object o) {
    if (!(o instanceof GroupPoint<?, ?, ?> g) || g.getClass() != getClass()) {
      return false;
    }
    @SuppressWarnings("unchecked") // same class, so same P
    P other = (P) g.point;
    return group().ops.isEqual().test(point, other);
  }

  @Override
  public final int hashCode() {
    return Arrays.hashCode(compressedNoCopy());
  }

  private byte[] compressedNoCopy() {
    byte[] c = compressed;
    if (c == null) {
      c = group().ops.compress().apply(point);
      compressed = c;
    }
    return c;
  }

  @Override
  public final String toString() {
    return group().name + "(" + HexFormat.of().formatHex(compressedNoCopy()) + ")";
  }
}
