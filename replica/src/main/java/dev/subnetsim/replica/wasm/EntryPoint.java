package dev.subnetsim.replica.wasm;

/**
 * The entry points of a canister module (interface spec, "Entry points"), which decide what system
 * calls a message may make ({@link Ic0Permissions}). The letters are the spec's.
 */
public enum EntryPoint {
  /** The module's start function ("s"): only stable memory, debug_print, trap and a few more. */
  START("s"),
  /** {@code canister_init} and {@code canister_post_upgrade}. */
  INIT("I"),
  /** {@code canister_pre_upgrade}. */
  PRE_UPGRADE("G"),
  UPDATE("U"),
  /** A query, replicated or not (composite queries are not supported). */
  QUERY("Q"),
  REPLY_CALLBACK("Ry"),
  REJECT_CALLBACK("Rt"),
  CLEANUP("C"),
  /** {@code canister_inspect_message} (not invoked by this runtime yet). */
  INSPECT("F"),
  /** {@code canister_heartbeat} and {@code canister_global_timer} (not invoked yet). */
  TIMER("T");

  private final String letter;

  EntryPoint(String letter) {
    this.letter = letter;
  }

  public String letter() {
    return letter;
  }

  /** Whether changes of this entry point persist (queries' are discarded). */
  public boolean persists() {
    return this != QUERY && this != INSPECT;
  }
}
