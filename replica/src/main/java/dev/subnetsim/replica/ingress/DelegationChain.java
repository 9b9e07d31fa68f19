package dev.subnetsim.replica.ingress;

import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The checks on an envelope's {@code sender_delegation}, as the interface spec's "Authentication"
 * section defines them: at most {@value #MAX_DELEGATIONS} delegations; each signed by the previous
 * key (the first by {@code sender_pubkey}) over
 * {@code "\x1Aic-request-auth-delegation" · hash_of_map(delegation)}; each unexpired at the
 * replica's time; each key appearing once (no cycles, no self-delegation); a delegation with
 * {@code targets} (at most {@value #MAX_TARGETS}) applying only to requests for those canisters, so
 * the chain's targets are the intersection of its delegations' targets. The request must then be
 * signed by the last delegation's key.
 */
final class DelegationChain {
  /** Interface spec, "Authentication": "must not contain more than 20 delegations". */
  static final int MAX_DELEGATIONS = 20;
  /** Interface spec, "Authentication": a {@code targets} list has "no more than 1000 elements". */
  static final int MAX_TARGETS = 1000;

  private DelegationChain() {}

  /**
   * Checks the chain of {@code signed} and returns the key that must have signed the request.
   * Cheap checks come first, so a bad chain costs no signature verification.
   */
  static byte[] signingKey(SignedIngress signed, long nowNanos, Optional<byte[]> rootKeyDer)
      throws InvalidIngressException {
    return signingKey(signed.senderPublicKeyDer(), signed.delegations(),
        signed.message().canisterId(), nowNanos, rootKeyDer);
  }

  /** As above for any request to {@code canister} (its effective canister, for read_state). */
  static byte[] signingKey(byte[] senderPublicKeyDer, List<SenderDelegation> chain,
      byte[] canister, long nowNanos, Optional<byte[]> rootKeyDer)
      throws InvalidIngressException {
    if (chain.size() > MAX_DELEGATIONS) {
      throw new InvalidIngressException("sender_delegation has " + chain.size()
          + " delegations, at most " + MAX_DELEGATIONS + " are allowed");
    }
    TreeSet<byte[]> keys = new TreeSet<>(Arrays::compareUnsigned);
    keys.add(senderPublicKeyDer);
    for (int i = 0; i < chain.size(); i++) {
      SessionKeyDelegation d = chain.get(i).delegation();
      if (d.expirationNanos() < nowNanos) {
        // Like the request's own expiry: depends on when a replica looks, so nobody relaying or
        // including it is at fault.
        throw InvalidIngressException.expiry("delegation " + i + " expired at "
            + d.expirationNanos() + ", before the replica's time " + nowNanos);
      }
      if (d.targets().isPresent()) {
        List<Principal> targets = d.targets().get();
        if (targets.size() > MAX_TARGETS) {
          throw new InvalidIngressException("delegation " + i + " has " + targets.size()
              + " targets, at most " + MAX_TARGETS + " are allowed");
        }
        if (targets.stream().noneMatch(t -> Arrays.equals(t.toBytes(), canister))) {
          throw new InvalidIngressException("delegation " + i + " does not apply to canister "
              + HexFormat.of().formatHex(canister) + " (not among its targets)");
        }
      }
      if (!keys.add(d.publicKeyDer())) {
        throw new InvalidIngressException("delegation " + i + " delegates to a key already in "
            + "the chain (cycles and self-delegations are not allowed)");
      }
    }
    byte[] key = senderPublicKeyDer;
    for (int i = 0; i < chain.size(); i++) {
      SenderDelegation d = chain.get(i);
      SenderSignatures.verify(key, d.delegation().signedMessage(), d.signature(), rootKeyDer,
          "delegation " + i);
      key = d.delegation().publicKeyDer();
    }
    return key;
  }
}
