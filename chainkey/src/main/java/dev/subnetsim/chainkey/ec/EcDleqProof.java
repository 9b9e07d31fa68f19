package dev.subnetsim.chainkey.ec;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * Chaum–Pedersen proof of equality of discrete logarithms (CRYPTO '92), non-interactive by
 * Fiat–Shamir: for bases G1, G2 and points A = x*G1, B = x*G2, the prover shows it knows x with
 * log_G1(A) = log_G2(B) without revealing x.
 *
 * <p>Prover: k random, R1 = k*G1, R2 = k*G2, c = H(dst; context, G1, A, G2, B, R1, R2),
 * z = k + c*x. Verifier: R1 = z*G1 - c*A, R2 = z*G2 - c*B and recompute c. H is
 * {@link EcScalar#hash} (RFC 9380 hash_to_field); every input is length-prefixed (u32 big-endian)
 * so no two statements share a transcript. The proof is the pair (c, z), 64 bytes.
 */
public record EcDleqProof(EcScalar challenge, EcScalar response) {

  public EcDleqProof {
    if (challenge.curve() != response.curve()) {
      throw new IllegalArgumentException("DLEQ proof scalars on different curves");
    }
  }

  /** Proves log_{g1}(x*g1) = log_{g2}(x*g2). */
  public static EcDleqProof prove(
      String dst, byte[] context, EcPoint g1, EcPoint g2, EcScalar x, SecureRandom rng) {
    EcPoint a = g1.mul(x);
    EcPoint b = g2.mul(x);
    EcScalar k = EcScalar.randomNonZero(x.curve(), rng);
    EcScalar c = FiatShamir.challenge(dst, context, g1, a, g2, b, g1.mul(k), g2.mul(k));
    return new EcDleqProof(c, k.add(c.mul(x)));
  }

  /** Whether this proves log_{g1}(a) = log_{g2}(b) for this DST and context. */
  public boolean verify(String dst, byte[] context, EcPoint g1, EcPoint a, EcPoint g2, EcPoint b) {
    EcCurve curve = g1.curve();
    if (challenge.curve() != curve || a.curve() != curve || g2.curve() != curve || b.curve() != curve) {
      return false;
    }
    // R = z*G - c*A as one two-term multi-scalar multiplication each.
    EcScalar minusC = challenge.neg();
    EcPoint r1 = EcPoint.multiScalarMul(List.of(g1, a), List.of(response, minusC));
    EcPoint r2 = EcPoint.multiScalarMul(List.of(g2, b), List.of(response, minusC));
    return FiatShamir.challenge(dst, context, g1, a, g2, b, r1, r2).equals(challenge);
  }

  /** c || z, 64 bytes big-endian. */
  public byte[] toBytes() {
    byte[] out = new byte[64];
    System.arraycopy(challenge.toBytes(), 0, out, 0, 32);
    System.arraycopy(response.toBytes(), 0, out, 32, 32);
    return out;
  }

  /** Inverse of {@link #toBytes()}, canonical scalars only. */
  public static EcDleqProof fromBytes(EcCurve curve, byte[] bytes) {
    if (bytes.length != 64) {
      throw new InvalidEncodingException("DLEQ proof: expected 64 bytes, got " + bytes.length);
    }
    return new EcDleqProof(
        EcScalar.fromBytes(curve, Arrays.copyOfRange(bytes, 0, 32)),
        EcScalar.fromBytes(curve, Arrays.copyOfRange(bytes, 32, 64)));
  }
}
