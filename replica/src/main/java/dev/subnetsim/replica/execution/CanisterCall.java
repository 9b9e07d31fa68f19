package dev.subnetsim.replica.execution;

/**
 * One message to execute on a canister: an ingress or inter-canister call, a query, or the
 * reply/reject callback of a call the canister made.
 */
public record CanisterCall(
    Kind kind, CanisterId target, byte[] caller, String method, byte[] arg, byte[] callbackContext) {

  public enum Kind { INIT, UPDATE, QUERY, REPLY_CALLBACK, REJECT_CALLBACK }

  public CanisterCall {
    caller = caller.clone();
    arg = arg.clone();
    callbackContext = callbackContext.clone();
  }

  public static CanisterCall update(CanisterId target, byte[] caller, String method, byte[] arg) {
    return new CanisterCall(Kind.UPDATE, target, caller, method, arg, new byte[0]);
  }

  public static CanisterCall query(CanisterId target, byte[] caller, String method, byte[] arg) {
    return new CanisterCall(Kind.QUERY, target, caller, method, arg, new byte[0]);
  }
}
