package dev.subnetsim.replica.ingress;

import java.util.List;

/**
 * An ingress message with its envelope's authentication fields: the sender's DER public key, the
 * delegation chain from that key (empty without {@code sender_delegation}) and the signature, made
 * by the chain's last key (or the sender's key when there is no chain).
 */
public record SignedIngress(IngressMessage message, byte[] senderPublicKeyDer, byte[] signature,
    List<SenderDelegation> delegations) {
  public SignedIngress {
    senderPublicKeyDer = senderPublicKeyDer.clone();
    signature = signature.clone();
    delegations = List.copyOf(delegations);
  }

  /** Signed directly by the sender's key, without delegations. */
  public SignedIngress(IngressMessage message, byte[] senderPublicKeyDer, byte[] signature) {
    this(message, senderPublicKeyDer, signature, List.of());
  }
}
