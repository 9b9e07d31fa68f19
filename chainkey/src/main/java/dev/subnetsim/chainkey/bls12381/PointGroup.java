package dev.subnetsim.chainkey.bls12381;

import dev.subnetsim.chainkey.bls12381.MalformedPointException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One of G1, G2: its name, encoding length, blst operations, and the static side of {@link
 * G1Point} / {@link G2Point} (generator, identity, checked decoding, sums), written once.
 *
 * @param <S> the point class
 * @param <P> blst's Jacobian point type
 * @param <A> blst's affine point type
 */
final class PointGroup<S extends GroupPoint<S, P, A>, P, A> {
  final String name;
  final int compressedBytes;
  final BlstOps<P, A> ops;
  private final Function<P, S> wrap;
  final S identity;
  final S generator;

  PointGroup(String name, int compressedBytes, BlstOps<P, A> ops, Function<P, S> wrap,
      P generator) {
    this.name = name;
    this.compressedBytes = compressedBytes;
    this.ops = ops;
    this.wrap = wrap;
    this.identity = wrap.apply(ops.identity().get());
    this.generator = wrap.apply(generator);
  }

  /** A point owning {@code owned} (the caller must not keep or mutate it). */
  S wrap(P owned) {
    return wrap.apply(owned);
  }

  /**
   * Checks length, flags, x &lt; p, curve and subgroup membership; the identity is accepted.
   *
   * @throws MalformedPointException naming the failed check
   */
  S fromBytes(byte[] bytes) {
    PointCodec.checkLengthAndFlags(bytes, compressedBytes, name);
    if (PointCodec.isIdentityEncoding(bytes)) {
      return identity;
    }
    A a;
    try {
      a = ops.affineFromBytes().apply(bytes);
    } catch (RuntimeException e) {
      throw PointCodec.fromBlstError(e, name);
    }
    if (!ops.onCurve().test(a)) {
      throw new MalformedPointException(Reason.NOT_ON_CURVE, name + " point is not on the curve");
    }
    if (!ops.inGroup().test(a)) {
      throw new MalformedPointException(
          Reason.NOT_IN_SUBGROUP, name + " point is not in the prime-order subgroup");
    }
    S p = wrap(ops.toJacobian().apply(a));
    p.cacheDecoded(a, bytes.clone());
    return p;
  }

  S fromBytesNonIdentity(byte[] bytes) {
    S p = fromBytes(bytes);
    if (p.isIdentity()) {
      throw new MalformedPointException(
          Reason.IDENTITY_NOT_ALLOWED, name + " point is the identity");
    }
    return p;
  }

  S sum(List<S> points) {
    P acc = ops.identity().get();
    for (S p : points) {
      ops.addInPlace().apply(acc, p.blstReadOnly());
    }
    return wrap(acc);
  }

  S multiScalarMul(List<S> points, List<Scalar> scalars) {
    if (points.size() != scalars.size()) {
      throw new IllegalArgumentException(
          points.size() + " points but " + scalars.size() + " scalars");
    }
    List<P> raw = new ArrayList<>(points.size());
    for (S p : points) {
      raw.add(p.blstReadOnly());
    }
    return wrap(MultiScalarMul.straus(ops, raw, scalars));
  }
}
