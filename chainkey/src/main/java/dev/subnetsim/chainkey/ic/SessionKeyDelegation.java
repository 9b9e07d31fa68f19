package dev.subnetsim.chainkey.ic;

import dev.subnetsim.chainkey.DomainSeparators;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sender delegation to a session key (interface spec, "Authentication"; what Internet Identity
 * signs with a canister signature): {@code {pubkey, expiration, targets?}}. The signed message is
 * {@code 0x1A · "ic-request-auth-delegation" · hash_of_map(delegation)}, where expiration is a
 * natural (nanoseconds since the epoch) and targets an array of principal blobs.
 */
public record SessionKeyDelegation(byte[] publicKeyDer, long expirationNanos, Optional<List<Principal>> targets) {

  public SessionKeyDelegation {
    publicKeyDer = publicKeyDer.clone();
    Objects.requireNonNull(targets, "targets");
    targets = targets.map(List::copyOf);
  }

  @Override
  public byte[] publicKeyDer() {
    return publicKeyDer.clone();
  }

  /** The representation-independent hash of the delegation map. */
  public byte[] hash() {
    Map<String, RepresentationIndependentHash.Value> m = new LinkedHashMap<>();
    m.put("pubkey", RepresentationIndependentHash.blob(publicKeyDer));
    m.put("expiration", RepresentationIndependentHash.nat(expirationNanos));
    targets.ifPresent(ts -> m.put("targets", new RepresentationIndependentHash.Array(
        ts.stream().<RepresentationIndependentHash.Value>map(p -> RepresentationIndependentHash.blob(p.toBytes())).toList())));
    return RepresentationIndependentHash.hashOfMap(m);
  }

  /** The bytes a delegation signature covers (for a canister signature: its {@code msg}). */
  public byte[] signedMessage() {
    return IcDomain.prefixed(DomainSeparators.IC_REQUEST_AUTH_DELEGATION, hash());
  }
}
