package dev.subnetsim.chainkey.bls12381;

import java.math.BigInteger;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * blst's methods on one group's point types: {@code P} (Jacobian, mutated in place by the
 * {@code ...InPlace} operations, which return it) and {@code A} (affine). jblst's P1/P2 and
 * P1_Affine/P2_Affine share no Java type, so each group lists its method references once and
 * {@link GroupPoint}, {@link PointGroup} and {@link MultiScalarMul} are written once over these.
 */
record BlstOps<P, A>(
    Supplier<P> identity,
    UnaryOperator<P> dup,
    BinaryOperator<P> addInPlace,
    UnaryOperator<P> dblInPlace,
    UnaryOperator<P> negInPlace,
    BiFunction<P, supranational.blst.Scalar, P> multInPlace,
    BiFunction<P, BigInteger, P> multSmallInPlace,
    Predicate<P> isInf,
    BiPredicate<P, P> isEqual,
    Function<P, byte[]> compress,
    Function<P, byte[]> serialize,
    Function<P, A> toAffine,
    Function<byte[], A> affineFromBytes,
    Predicate<A> onCurve,
    Predicate<A> inGroup,
    Function<A, P> toJacobian) {}
