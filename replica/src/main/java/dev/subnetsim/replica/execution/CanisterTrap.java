package dev.subnetsim.replica.execution;

/**
 * A trap: the message's changes are rolled back and the call is rejected with the message
 * (interface spec, "Canister traps").
 */
public final class CanisterTrap extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CanisterTrap(String message) {
    super(message, null, false, false);
  }
}
