package dev.subnetsim.replica.execution.messaging;

import dev.subnetsim.replica.execution.CanisterId;

/**
 * A message a canister is still handling (interface spec, "call context"): where its response
 * goes, whether it responded already, and how many of its outgoing calls are still unanswered.
 */
public record CallContext(long id, CanisterId canister, Origin origin, boolean responded,
    int outstandingCalls) {

  public CallContext withResponded() {
    return new CallContext(id, canister, origin, true, outstandingCalls);
  }

  public CallContext withOutstanding(int delta) {
    return new CallContext(id, canister, origin, responded, outstandingCalls + delta);
  }
}
