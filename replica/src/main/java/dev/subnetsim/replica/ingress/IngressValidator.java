package dev.subnetsim.replica.ingress;

import dev.subnetsim.chainkey.ic.IcDomain;
import dev.subnetsim.chainkey.ic.Principal;
import java.util.Optional;

/**
 * Admission checks for ingress (interface spec, "Authentication" and "Request expiry"): the sender
 * is the self-authenticating id of {@code sender_pubkey} (or anonymous, unsigned), the delegation
 * chain from that key, if any, holds ({@link DelegationChain}), the signature over
 * {@code domain_sep("ic-request") || request_id} verifies under the chain's last key, and the
 * expiry lies in [now, now + max TTL + drift].
 */
public final class IngressValidator {
  /** The IC's maximum ingress TTL (5 minutes) plus its permitted clock drift (30 seconds). */
  public static final long MAX_EXPIRY_AHEAD_NANOS = (5 * 60 + 30) * 1_000_000_000L;
  /** At most this many delegations in {@code sender_delegation} (interface spec). */
  public static final int MAX_DELEGATIONS = DelegationChain.MAX_DELEGATIONS;
  /** At most this many canisters in a delegation's {@code targets} (interface spec). */
  public static final int MAX_TARGETS = DelegationChain.MAX_TARGETS;

  private IngressValidator() {}

  /** As {@link #validate(SignedIngress, long, Optional)} knowing no root key. */
  public static void validate(SignedIngress signed, long nowNanos) throws InvalidIngressException {
    validate(signed, nowNanos, Optional.empty());
  }

  /**
   * @param rootKeyDer the root key (DER) that canister signatures' certificates chain to, in
   *     {@code sender_pubkey} or in a delegation; without one, canister signatures are refused
   */
  public static void validate(SignedIngress signed, long nowNanos, Optional<byte[]> rootKeyDer)
      throws InvalidIngressException {
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
      if (signed.signature().length != 0 || signed.senderPublicKeyDer().length != 0
          || !signed.delegations().isEmpty()) {
        throw new InvalidIngressException("an anonymous request must not carry a signature");
      }
      return;
    }
    // With a delegation chain the sender is still the id of the FIRST key, sender_pubkey: the
    // chain only lends that identity to the session key that signs.
    if (!m.sender().isSelfAuthenticating()
        || !m.sender().equals(Principal.selfAuthenticating(signed.senderPublicKeyDer()))) {
      throw new InvalidIngressException(
          "sender " + m.sender().toText() + " is not the self-authenticating id of the public key");
    }
    byte[] signingKey = DelegationChain.signingKey(signed, nowNanos, rootKeyDer);
    SenderSignatures.verify(signingKey, IcDomain.prefixed("ic-request", m.requestId()),
        signed.signature(), rootKeyDer, "");
  }

  /**
   * The same checks for a request whose content is not an {@link IngressMessage} (read_state):
   * its sender, request id, expiry and the canister its delegations must target, with the
   * envelope's key, chain and signature.
   */
  public static void validate(Principal sender, byte[] requestId, long ingressExpiryNanos,
      byte[] canister, byte[] senderPublicKeyDer, byte[] signature,
      java.util.List<SenderDelegation> delegations, long nowNanos, Optional<byte[]> rootKeyDer)
      throws InvalidIngressException {
    if (ingressExpiryNanos < nowNanos) {
      throw InvalidIngressException.expiry("expired: ingress_expiry " + ingressExpiryNanos
          + " is before the replica's time " + nowNanos);
    }
    if (ingressExpiryNanos > nowNanos + MAX_EXPIRY_AHEAD_NANOS) {
      throw InvalidIngressException.expiry(
          "ingress_expiry too far in the future (max 5 minutes)");
    }
    if (sender.isAnonymous()) {
      if (signature.length != 0 || senderPublicKeyDer.length != 0 || !delegations.isEmpty()) {
        throw new InvalidIngressException("an anonymous request must not carry a signature");
      }
      return;
    }
    if (!sender.isSelfAuthenticating()
        || !sender.equals(Principal.selfAuthenticating(senderPublicKeyDer))) {
      throw new InvalidIngressException(
          "sender " + sender.toText() + " is not the self-authenticating id of the public key");
    }
    byte[] signingKey = DelegationChain.signingKey(senderPublicKeyDer, delegations, canister,
        nowNanos, rootKeyDer);
    SenderSignatures.verify(signingKey, IcDomain.prefixed("ic-request", requestId), signature,
        rootKeyDer, "");
  }
}
