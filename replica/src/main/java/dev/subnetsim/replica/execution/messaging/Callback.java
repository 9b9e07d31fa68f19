package dev.subnetsim.replica.execution.messaging;

import dev.subnetsim.replica.execution.CanisterId;

/** The continuation of an outgoing call: which methods of the caller run on reply or reject. */
public record Callback(long id, long callContextId, CanisterId callee, String replyMethod,
    String rejectMethod, byte[] context) {
  public Callback {
    context = context.clone();
  }
}
