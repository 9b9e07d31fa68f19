package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.DomainSeparators;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
import dev.subnetsim.chainkey.bls12381.Scalar;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A non-interactive Chaum-Pedersen proof of equal discrete logs in G1 (Fiat-Shamir): knowledge of
 * x with A = x*G1 and B = x*H. In a complaint, A is the receiver's encryption key, H the dealing's
 * ephemeral key R and B the revealed DH key K = sk*R, so the proof shows K is the true DH key
 * without revealing sk.
 *
 * <pre>
 * prove:  w random; T1 = w*G1; T2 = w*H; c = H2S(DST, lp(ctx) || A || H || B || T1 || T2); z = w + c*x
 * verify: T1 = z*G1 - c*A; T2 = z*H - c*B; accept iff c = H2S(...) recomputed
 * </pre>
 *
 * Encoding: c || z, 64 bytes.
 */
public record ChaumPedersenProof(Scalar challenge, Scalar response) {

  public static final int BYTES = 2 * Scalar.BYTES;

  public ChaumPedersenProof {
    Objects.requireNonNull(challenge, "challenge");
    Objects.requireNonNull(response, "response");
  }

  public static ChaumPedersenProof prove(Scalar x, G1Point h, byte[] context, SecureRandom rng) {
    G1Point a = G1Point.generator().mul(x);
    G1Point b = h.mul(x);
    Scalar w = Scalar.randomNonZero(rng);
    Scalar c = challenge(context, a, h, b, G1Point.generator().mul(w), h.mul(w));
    return new ChaumPedersenProof(c, w.add(c.mul(x)));
  }

  /** True iff the proof shows log_G1(a) = log_h(b). */
  public boolean verify(G1Point a, G1Point h, G1Point b, byte[] context) {
    G1Point t1 = G1Point.generator().mul(response).sub(a.mul(challenge));
    G1Point t2 = h.mul(response).sub(b.mul(challenge));
    return challenge(context, a, h, b, t1, t2).equals(challenge);
  }

  private static Scalar challenge(byte[] ctx, G1Point a, G1Point h, G1Point b, G1Point t1, G1Point t2) {
    byte[] input = new BigEndianWriter().lengthPrefixed(ctx).raw(a.toBytes()).raw(h.toBytes())
        .raw(b.toBytes()).raw(t1.toBytes()).raw(t2.toBytes()).toBytes();
    return HashToCurve.hashToScalar(DomainSeparators.DKG_COMPLAINT_DLEQ, input);
  }
}
