package dev.subnetsim.replica.state;

import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.messaging.Origin;
import dev.subnetsim.replica.management.ManagementRequest;

/**
 * A chain-key request waiting for its shares (part of the replicated state, so every replica knows
 * the same queue): its id, where the reply goes (a local callback, or back across a stream), the
 * calling canister, the management call and when it arrived.
 */
public record ChainKeyRequest(long id, Origin origin, CanisterId caller, String method,
    byte[] arg, long receivedAtNanos, byte[] context) {

  /**
   * @param context what the subnet bound to the request when it was queued: for signatures the
   *     presignature's id and the rerandomization randomness; empty otherwise
   */
  public ChainKeyRequest {
    arg = arg.clone();
    context = context.clone();
  }

  public ManagementRequest decoded() {
    return ManagementRequest.decode(method, arg);
  }
}
