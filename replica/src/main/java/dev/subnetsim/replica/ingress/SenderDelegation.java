package dev.subnetsim.replica.ingress;

import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import java.util.Objects;

/**
 * One element of an envelope's {@code sender_delegation} (interface spec, "Authentication"):
 * {@code {delegation: {pubkey, expiration, targets?}, signature}}, the signature made by the
 * previous key of the chain over
 * {@code "\x1Aic-request-auth-delegation" · hash_of_map(delegation)}.
 */
public record SenderDelegation(SessionKeyDelegation delegation, byte[] signature) {
  public SenderDelegation {
    Objects.requireNonNull(delegation, "delegation");
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }
}
