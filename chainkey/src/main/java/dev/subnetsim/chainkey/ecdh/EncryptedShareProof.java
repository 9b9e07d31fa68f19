package dev.subnetsim.chainkey.ecdh;

import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.EcScalar;
import dev.subnetsim.chainkey.ec.FiatShamir;
import java.security.SecureRandom;
import java.util.List;

/**
 * Sigma protocol (Schnorr proof for a linear relation, a two-witness generalisation of
 * Chaum–Pedersen; Maurer, "Unifying Zero-Knowledge Proofs of Knowledge", AFRICACRYPT 2009) for
 * witnesses (a, b) with Y = a*G, R = b*G, C = a*Q + b*T, made non-interactive by Fiat–Shamir.
 *
 * <p>Prover: ka, kb random; A1 = ka*G, A2 = kb*G, A3 = ka*Q + kb*T; c = H(dst; context, G, Q, T,
 * Y, R, C, A1, A2, A3); za = ka + c*a, zb = kb + c*b. The proof is (c, za, zb); the verifier
 * recomputes A1 = za*G - c*Y, A2 = zb*G - c*R, A3 = za*Q + zb*T - c*C and the challenge.
 * Special soundness: two accepting transcripts with different c give a and b, so C - b*T = a*Q
 * with a = log_G(Y), i.e. the plaintext is the right DH share.
 */
public record EncryptedShareProof(EcScalar challenge, EcScalar responseA, EcScalar responseB) {

  static EncryptedShareProof prove(
      String dst, byte[] context, EcPoint q, EcPoint t, EcScalar a, EcScalar b, EcPoint y, EcPoint r, EcPoint c,
      SecureRandom rng) {
    EcPoint g = q.curve().generator();
    EcScalar ka = EcScalar.randomNonZero(q.curve(), rng);
    EcScalar kb = EcScalar.randomNonZero(q.curve(), rng);
    EcPoint a1 = EcPoint.mulGenerator(ka);
    EcPoint a2 = EcPoint.mulGenerator(kb);
    EcPoint a3 = EcPoint.multiScalarMul(List.of(q, t), List.of(ka, kb));
    EcScalar ch = FiatShamir.challenge(dst, context, g, q, t, y, r, c, a1, a2, a3);
    return new EncryptedShareProof(ch, ka.add(ch.mul(a)), kb.add(ch.mul(b)));
  }

  boolean verify(String dst, byte[] context, EcPoint q, EcPoint t, EcPoint y, EcPoint r, EcPoint c) {
    EcPoint g = q.curve().generator();
    EcScalar minusC = challenge.neg();
    EcPoint a1 = EcPoint.multiScalarMul(List.of(g, y), List.of(responseA, minusC));
    EcPoint a2 = EcPoint.multiScalarMul(List.of(g, r), List.of(responseB, minusC));
    EcPoint a3 = EcPoint.multiScalarMul(List.of(q, t, c), List.of(responseA, responseB, minusC));
    return FiatShamir.challenge(dst, context, g, q, t, y, r, c, a1, a2, a3).equals(challenge);
  }
}
