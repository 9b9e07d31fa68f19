package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.bls.BlsSignatures;
import dev.subnetsim.chainkey.bls.JblstBlsSignatures;
import dev.subnetsim.chainkey.bls.PublicKey;
import dev.subnetsim.chainkey.bls.Signature;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;

/**
 * The one BLS operation certificate verification needs: IC min-sig verification (96-byte G2 key,
 * 48-byte G1 signature, DST {@code BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_}). A seam so a
 * verification cache can sit in front of it (verification is a pure function; docs/ARCHITECTURE.md,
 * "Determinism").
 */
@FunctionalInterface
public interface BlsVerifier {

  /** False for an invalid signature and for malformed key or signature bytes. */
  boolean verify(byte[] publicKey96, byte[] message, byte[] signature48);

  /** The real verifier on jblst. */
  static BlsVerifier jblst() {
    return of(new JblstBlsSignatures());
  }

  static BlsVerifier of(BlsSignatures bls) {
    return (pk, msg, sig) -> {
      try {
        return bls.verify(PublicKey.fromBytes(pk), msg, Signature.fromBytes(sig));
      } catch (MalformedPointException e) {
        return false;
      }
    };
  }
}
