package dev.subnetsim.replica.ingress;

import dev.subnetsim.chainkey.ic.IcDomain;
import dev.subnetsim.chainkey.ic.Principal;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * A simulated user's key: Ed25519, ECDSA secp256k1 or ECDSA P-256, with the IC's
 * self-authenticating principal of its DER public key. Signatures are over
 * {@code domain_sep("ic-request") || request_id}; ECDSA signatures are r||s (64 bytes) over SHA-256
 * (interface spec, "Signatures").
 */
public final class UserKeyPair {
  private final SignatureScheme scheme;
  private final KeyPair keys;
  private final SecureRandom random;

  private UserKeyPair(SignatureScheme scheme, KeyPair keys, SecureRandom random) {
    this.scheme = scheme;
    this.keys = keys;
    this.random = random;
  }

  /** A key pair from seeded randomness (also used for ECDSA nonces). */
  public static UserKeyPair generate(SignatureScheme scheme, SecureRandom random) {
    try {
      KeyPairGenerator g;
      switch (scheme) {
        case ED25519 -> {
          g = KeyPairGenerator.getInstance("Ed25519");
          g.initialize(255, random);
        }
        case ECDSA_P256 -> {
          g = KeyPairGenerator.getInstance("EC", SignatureScheme.BC);
          g.initialize(new ECGenParameterSpec("secp256r1"), random);
        }
        default -> {
          g = KeyPairGenerator.getInstance("EC", SignatureScheme.BC);
          g.initialize(new ECGenParameterSpec("secp256k1"), random);
        }
      }
      return new UserKeyPair(scheme, g.generateKeyPair(), random);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a " + scheme + " key", e);
    }
  }

  public SignatureScheme scheme() {
    return scheme;
  }

  /** X.509 SubjectPublicKeyInfo DER, as the IC expects in {@code sender_pubkey}. */
  public byte[] publicKeyDer() {
    return keys.getPublic().getEncoded();
  }

  public Principal principal() {
    return Principal.selfAuthenticating(publicKeyDer());
  }

  public SignedIngress sign(IngressMessage message) {
    try {
      Signature s = scheme.signature();
      s.initSign(keys.getPrivate(), random);
      s.update(IcDomain.prefixed("ic-request", message.requestId()));
      return new SignedIngress(message, publicKeyDer(), s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
