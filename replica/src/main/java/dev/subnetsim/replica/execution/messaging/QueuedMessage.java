package dev.subnetsim.replica.execution.messaging;

import dev.subnetsim.replica.execution.CanisterId;

/** A message waiting in the subnet's input queue for execution (part of the replicated state). */
public sealed interface QueuedMessage {

  record Request(Origin origin, byte[] caller, CanisterId target, String method, byte[] arg)
      implements QueuedMessage {
    public Request {
      caller = caller.clone();
      arg = arg.clone();
    }
  }

  /** The response to the call whose callback is {@code callbackId}. */
  record Response(long callbackId, Reply reply) implements QueuedMessage {}

  /** A reply (data) or a reject (code and message) of the interface spec. */
  record Reply(boolean replied, byte[] data, int rejectCode, String rejectMessage) {
    public Reply {
      data = data.clone();
    }

    public static Reply of(byte[] data) {
      return new Reply(true, data, 0, "");
    }

    public static Reply reject(int code, String message) {
      return new Reply(false, new byte[0], code, message);
    }
  }
}
