package dev.subnetsim.replica.execution;

/**
 * Code of a canister, written in Java. Programs hold no state of their own: everything lives in the
 * stable memories reachable through {@link Env#memory}, so state can be hashed, checkpointed into
 * CUPs and transferred by state sync. A program must be deterministic: it may use only what
 * {@link Env} gives it.
 */
public interface CanisterProgram {

  /** Runs once at installation. */
  default void init(Env env) {}

  /** Runs on the old code before an upgrade; only stable memory survives it. */
  default void preUpgrade(Env env) {}

  /** Runs on the new code after an upgrade, in place of {@link #init}. */
  default void postUpgrade(Env env) {
    init(env);
  }

  /**
   * An update call (or a reply/reject callback registered with {@link Env#call}): may change state,
   * must end with {@link Env#reply} or {@link Env#reject} unless it made calls whose callbacks will.
   */
  void update(String method, Env env);

  /** A query: runs against the current state; its changes are discarded. */
  default void query(String method, Env env) {
    env.reject("no query method '" + method + "'");
  }
}
