package dev.subnetsim.replica.ingress;

import dev.subnetsim.chainkey.certification.CanisterSignatureVerifier;
import dev.subnetsim.chainkey.certification.CertificateVerificationException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * Verifies one signature under a DER public key of any kind the interface spec allows for users
 * ("Signatures"): Ed25519, ECDSA on secp256k1 or P-256 (r||s over SHA-256), or a canister
 * signature (OID 1.3.6.1.4.1.56387.1.2), whose certificate must verify under the root key.
 */
final class SenderSignatures {
  private static final byte[] ED25519_OID = {0x06, 0x03, 0x2b, 0x65, 0x70};
  private static final byte[] SECP256K1_OID = {0x06, 0x05, 0x2b, (byte) 0x81, 0x04, 0x00, 0x0a};
  private static final byte[] P256_OID =
      {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};
  private static final byte[] CANISTER_SIG_OID =
      {0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0x83, (byte) 0xb8, 0x43, 0x01, 0x02};

  /** Stateless (no caches), so one instance serves every replica of a run. */
  private static final CanisterSignatureVerifier CANISTER_SIGNATURES =
      CanisterSignatureVerifier.jblst();

  private SenderSignatures() {}

  /**
   * @param what names the signature in a refusal ("delegation 2"); empty for the request's own
   *     signature, whose refusals keep the wording they had before delegations (traces record it)
   * @param rootKeyDer the key canister signatures' certificates must chain to; none: a canister
   *     signature is refused
   */
  static void verify(byte[] publicKeyDer, byte[] message, byte[] signature,
      Optional<byte[]> rootKeyDer, String what) throws InvalidIngressException {
    if (contains(publicKeyDer, CANISTER_SIG_OID)) {
      if (rootKeyDer.isEmpty()) {
        throw new InvalidIngressException(prefix(what) + "a canister signature, but this replica "
            + "knows no root key to verify it");
      }
      try {
        CANISTER_SIGNATURES.verify(publicKeyDer, message, signature, rootKeyDer.get());
      } catch (CertificateVerificationException | RuntimeException e) {
        throw new InvalidIngressException(prefix(what) + "invalid canister signature: "
            + e.getMessage());
      }
      return;
    }
    SignatureScheme scheme = schemeOf(publicKeyDer, what);
    try {
      PublicKey key = (scheme == SignatureScheme.ED25519 ? KeyFactory.getInstance("Ed25519")
          : KeyFactory.getInstance("EC", SignatureScheme.BC))
          .generatePublic(new X509EncodedKeySpec(publicKeyDer));
      Signature s = scheme.signature();
      s.initVerify(key);
      s.update(message);
      if (!s.verify(signature)) {
        throw new InvalidIngressException(prefix(what) + "invalid signature");
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new InvalidIngressException(prefix(what) + "invalid signature or public key: "
          + e.getMessage());
    }
  }

  static SignatureScheme schemeOf(byte[] der, String what) throws InvalidIngressException {
    if (contains(der, ED25519_OID)) {
      return SignatureScheme.ED25519;
    } else if (contains(der, SECP256K1_OID)) {
      return SignatureScheme.ECDSA_SECP256K1;
    } else if (contains(der, P256_OID)) {
      return SignatureScheme.ECDSA_P256;
    }
    throw new InvalidIngressException(prefix(what) + "unsupported public key type (Ed25519, "
        + "secp256k1, P-256, canister signature)");
  }

  private static String prefix(String what) {
    return what.isEmpty() ? "" : what + ": ";
  }

  /** The OID within the DER's first bytes (the algorithm identifier comes first). */
  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length && i < 32; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return Arrays.equals(haystack, needle);
  }
}
