package dev.subnetsim.replica.execution;

import dev.subnetsim.replica.execution.stable.Memory;

/** The system API a canister sees while it executes one message (interface spec, "System API"). */
public interface Env {

  CanisterId self();

  /** The caller's principal bytes (a user's self-authenticating id or a canister id). */
  byte[] caller();

  /** The call's argument; in a reply callback, the reply; in a reject callback, the reject text. */
  byte[] arg();

  /** For a callback, the context bytes given to {@link #call}; otherwise empty. */
  byte[] callbackContext();

  /** In a reject callback, the reject's code (interface spec, "Reject codes"); otherwise 0. */
  default int rejectCode() {
    return 0;
  }

  /** Virtual time of the block being executed, in nanoseconds since the epoch of the run. */
  long timeNanos();

  /** Bytes from the random tape: derived from the block's random beacon and the message. */
  byte[] randomBytes(int n);

  byte[] certifiedData();

  /** Sets the data certified under /canister/&lt;id&gt;/certified_data (at most 32 bytes). */
  void setCertifiedData(byte[] data);

  /** Virtual stable memory {@code id} (0..254) of this canister. */
  Memory memory(int id);

  /** Charges instructions for the canister's own computation; traps past the limit. */
  void charge(long instructions);

  long instructionsUsed();

  long cyclesBalance();

  void reply(byte[] data);

  /**
   * Whether the argument is Candid (starts with {@code DIDL}), without charge: a canister can offer
   * a Candid interface next to its original byte format, and calls in that format cost exactly
   * what they cost before (reading the argument, {@link #arg()}, is charged).
   */
  default boolean argIsCandid() {
    return false;
  }

  void reject(String message);

  /** Traps: rolls back every change of this message and rejects the call. */
  default void trap(String message) {
    throw new CanisterTrap(message);
  }

  /**
   * Calls another canister (possibly on another subnet). When the response arrives, this
   * canister's {@code update(replyMethod or rejectMethod)} runs with the response as
   * {@link #arg()} and {@code context} as {@link #callbackContext()}.
   */
  void call(CanisterId target, String method, byte[] arg, String replyMethod, String rejectMethod,
      byte[] context);
}
