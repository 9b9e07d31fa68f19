package dev.subnetsim.replica.node;

import dev.subnetsim.chainkey.ic.IcDomain;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.replica.state.CertifiedStateTree;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;

/**
 * A node's Ed25519 signing key (interface spec, "Query call": node signatures). Its public key,
 * DER-encoded, is in the registry under {@code /subnet/<id>/node/<node id>/public_key}; the node
 * id is the self-authenticating principal of that DER key, as on the IC. The node signs its query
 * responses over {@code domain_sep("ic-response") · hash_of_map(response)}.
 */
public final class NodeSigningKey {
  static final String RESPONSE_DOMAIN = "ic-response";
  private final KeyPair keys;

  private NodeSigningKey(KeyPair keys) {
    this.keys = keys;
  }

  /** A key from {@code random} (seeded: the same seed gives the same key). */
  public static NodeSigningKey generate(SecureRandom random) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
      g.initialize(255, random);
      return new NodeSigningKey(g.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an Ed25519 key", e);
    }
  }

  /** X.509 SubjectPublicKeyInfo DER (RFC 8410), 44 bytes. */
  public byte[] publicKeyDer() {
    return keys.getPublic().getEncoded();
  }

  /** The node's id: the self-authenticating principal of its DER public key. */
  public Principal nodeId() {
    return Principal.selfAuthenticating(publicKeyDer());
  }

  /** The registry's entry for this node. */
  public CertifiedStateTree.NodeKey registryEntry() {
    return new CertifiedStateTree.NodeKey(nodeId(), publicKeyDer());
  }

  /** The node's signature of a response whose representation-independent hash is {@code hash}. */
  public byte[] signResponse(byte[] hash) {
    if (hash.length != 32) {
      throw new IllegalArgumentException("a response hash has 32 bytes, got " + hash.length);
    }
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(keys.getPrivate());
      s.update(IcDomain.prefixed(RESPONSE_DOMAIN, hash));
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
