package dev.subnetsim.replica.execution.messaging;

/** Where the response to a request goes once the callee responds. */
public sealed interface Origin {

  /** An ingress update call: the response becomes its /request_status entry. */
  record FromIngress(byte[] requestId) implements Origin {
    public FromIngress {
      requestId = requestId.clone();
    }
  }

  /** A call a canister made: the response runs that call's {@link Callback}. */
  record FromCall(long callbackId) implements Origin {}

  /**
   * A request that arrived in the stream from another subnet: the response goes back in the stream
   * to {@code subnet}, where it runs the caller's callback {@code callbackId}.
   */
  record FromRemote(String subnet, long callbackId) implements Origin {}

  /** Synthetic load: the response only closes the load message, whose latency is measured. */
  record FromWorkload(long sequence, long sentAtNanos) implements Origin {}
}
