/**
 * One group abstraction over secp256k1, P-256 and edwards25519 (Bouncy Castle 1.86): {@link
 * dev.subnetsim.chainkey.ec.EcCurve}, {@link dev.subnetsim.chainkey.ec.EcScalar}, {@link
 * dev.subnetsim.chainkey.ec.EcPoint}, hashing to scalars (RFC 9380), polynomials, Lagrange
 * interpolation, Shamir sharing, DLEQ proofs and the threshold-key records the IDKG transcripts
 * produce.
 */
package dev.subnetsim.chainkey.ec;
