package dev.subnetsim.replica.ingress;

import dev.subnetsim.chainkey.ic.IcDomain;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Admission checks for ingress (interface spec, "Authentication" and "Request expiry"): the sender
 * is the self-authenticating id of the given public key (or anonymous, unsigned), the signature
 * over {@code domain_sep("ic-request") || request_id} verifies, and the expiry lies in
 * [now, now + max TTL + drift].
 */
public final class IngressValidator {
  /** The IC's maximum ingress TTL (5 minutes) plus its permitted clock drift (30 seconds). */
  public static final long MAX_EXPIRY_AHEAD_NANOS = (5 * 60 + 30) * 1_000_000_000L;

  private static final byte[] ED25519_OID = {0x06, 0x03, 0x2b, 0x65, 0x70};
  private static final byte[] SECP256K1_OID = {0x06, 0x05, 0x2b, (byte) 0x81, 0x04, 0x00, 0x0a};
  private static final byte[] P256_OID =
      {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};

  private IngressValidator() {}

  public static void validate(SignedIngress signed, long nowNanos) throws InvalidIngressException {
    IngressMessage m = signed.message();
    if (m.ingressExpiryNanos() < nowNanos) {
      throw InvalidIngressException.expiry("expired: ingress_expiry " + m.ingressExpiryNanos()
          + " is before the replica's time " + nowNanos);
    }
    if (m.ingressExpiryNanos() > nowNanos + MAX_EXPIRY_AHEAD_NANOS) {
      throw InvalidIngressException.expiry(
          "ingress_expiry too far in the future (max 5 minutes)");
    }
    if (m.sender().isAnonymous()) {
      if (signed.signature().length != 0 || signed.senderPublicKeyDer().length != 0) {
        throw new InvalidIngressException("an anonymous request must not carry a signature");
      }
      return;
    }
    if (!m.sender().isSelfAuthenticating()
        || !m.sender().equals(dev.subnetsim.chainkey.ic.Principal.selfAuthenticating(
            signed.senderPublicKeyDer()))) {
      throw new InvalidIngressException(
          "sender " + m.sender().toText() + " is not the self-authenticating id of the public key");
    }
    SignatureScheme scheme = schemeOf(signed.senderPublicKeyDer());
    try {
      PublicKey key = (scheme == SignatureScheme.ED25519 ? KeyFactory.getInstance("Ed25519")
          : KeyFactory.getInstance("EC", SignatureScheme.BC))
          .generatePublic(new X509EncodedKeySpec(signed.senderPublicKeyDer()));
      Signature s = scheme.signature();
      s.initVerify(key);
      s.update(IcDomain.prefixed("ic-request", m.requestId()));
      if (!s.verify(signed.signature())) {
        throw new InvalidIngressException("invalid signature");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidIngressException("invalid signature or public key: " + e.getMessage());
    }
  }

  static SignatureScheme schemeOf(byte[] der) throws InvalidIngressException {
    if (contains(der, ED25519_OID)) {
      return SignatureScheme.ED25519;
    } else if (contains(der, SECP256K1_OID)) {
      return SignatureScheme.ECDSA_SECP256K1;
    } else if (contains(der, P256_OID)) {
      return SignatureScheme.ECDSA_P256;
    }
    throw new InvalidIngressException("unsupported public key type (Ed25519, secp256k1, P-256)");
  }

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
