package dev.subnetsim.replica.ingress;

import dev.subnetsim.chainkey.ic.IcDomain;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

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
    return new SignedIngress(message, publicKeyDer(), signBytes(IcDomain.prefixed("ic-request",
        message.requestId())));
  }

  /**
   * Signs {@code message} as the session key at the end of {@code chain}: the envelope carries
   * the chain's first key {@code senderPublicKeyDer} (whose id the message's sender must be),
   * the chain, and this key's signature.
   */
  public SignedIngress signDelegated(IngressMessage message, byte[] senderPublicKeyDer,
      List<SenderDelegation> chain) {
    return new SignedIngress(message, senderPublicKeyDer, signBytes(IcDomain.prefixed(
        "ic-request", message.requestId())), chain);
  }

  /**
   * The envelope signature over a request id of any request type (e.g. read_state, whose content
   * is not an {@link IngressMessage}).
   */
  public byte[] signRequestId(byte[] requestId) {
    return signBytes(IcDomain.prefixed("ic-request", requestId));
  }

  /** Delegates this key's authority to {@code delegation}'s key (one link of a chain). */
  public SenderDelegation delegate(SessionKeyDelegation delegation) {
    return new SenderDelegation(delegation, signBytes(delegation.signedMessage()));
  }

  private byte[] signBytes(byte[] bytes) {
    try {
      Signature s = scheme.signature();
      s.initSign(keys.getPrivate(), random);
      s.update(bytes);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
