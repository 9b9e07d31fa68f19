package dev.subnetsim.replica.execution;

import java.util.List;

/** What executing one {@link CanisterCall} produced. */
public record ExecutionResult(Outcome outcome, List<OutgoingCall> calls, long instructions,
    long cyclesCharged) {

  public ExecutionResult {
    calls = List.copyOf(calls);
  }

  /** The response to the caller, if this message produced one. */
  public sealed interface Outcome {}

  public record Replied(byte[] data) implements Outcome {}

  /** Reject codes of the interface spec: 4 = CANISTER_REJECT, 5 = CANISTER_ERROR (trap). */
  public record Rejected(int code, String message) implements Outcome {}

  /** The message made calls and will respond from a callback. */
  public record Pending() implements Outcome {}

  /** A call this canister made; the runtime routes it and later runs the named callback. */
  public record OutgoingCall(CanisterId from, CanisterId target, String method, byte[] arg,
      String replyMethod, String rejectMethod, byte[] context) {}
}
