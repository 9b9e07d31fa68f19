package dev.subnetsim.replica.execution;

/**
 * One message to execute on a canister: an ingress or inter-canister call, a query, or the
 * reply/reject callback of a call the canister made. {@code rejectCode} is, in a reject callback,
 * the reject's code (interface spec, "Reject codes"), and 0 otherwise.
 */
public record CanisterCall(Kind kind, CanisterId target, byte[] caller, String method, byte[] arg,
    byte[] callbackContext, int rejectCode) {

  /**
   * What runs: PRE_UPGRADE and POST_UPGRADE are the hooks of a code upgrade (interface spec,
   * "Canister upgrades"), run by {@code replica.wasm.CanisterUpgrade}, never by a message.
   */
  public enum Kind { INIT, UPDATE, QUERY, REPLY_CALLBACK, REJECT_CALLBACK, PRE_UPGRADE, POST_UPGRADE }

  public CanisterCall {
    caller = caller.clone();
    arg = arg.clone();
    callbackContext = callbackContext.clone();
  }

  /** A call that is not a reject callback (its reject code is 0). */
  public CanisterCall(Kind kind, CanisterId target, byte[] caller, String method, byte[] arg,
      byte[] callbackContext) {
    this(kind, target, caller, method, arg, callbackContext, 0);
  }

  public static CanisterCall update(CanisterId target, byte[] caller, String method, byte[] arg) {
    return new CanisterCall(Kind.UPDATE, target, caller, method, arg, new byte[0]);
  }

  public static CanisterCall query(CanisterId target, byte[] caller, String method, byte[] arg) {
    return new CanisterCall(Kind.QUERY, target, caller, method, arg, new byte[0]);
  }
}
