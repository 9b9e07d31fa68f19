/**
 * BLS12-381 primitives over blst (jblst): the scalar field {@link
 * dev.subnetsim.chainkey.bls12381.Scalar}, immutable subgroup points {@link
 * dev.subnetsim.chainkey.bls12381.G1Point} and {@link dev.subnetsim.chainkey.bls12381.G2Point}
 * (one implementation, {@code GroupPoint} and {@code PointGroup} over each group's {@code BlstOps})
 * with checked decoding ({@link dev.subnetsim.chainkey.bls12381.MalformedPointException}), RFC 9380
 * hashing ({@link dev.subnetsim.chainkey.bls12381.HashToCurve}) and pairing product checks ({@link
 * dev.subnetsim.chainkey.bls12381.Pairings}). Nothing here knows about signatures or protocols.
 */
package dev.subnetsim.chainkey.bls12381;
