package dev.subnetsim.replica.management;

/** A management-canister call whose argument does not decode: names the method and the field. */
public final class InvalidManagementArgsException extends RuntimeException {
  public InvalidManagementArgsException(String method, String problem) {
    super("management canister method '" + method + "': " + problem);
  }
}
