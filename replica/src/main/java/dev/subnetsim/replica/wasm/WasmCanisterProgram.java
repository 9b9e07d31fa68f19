package dev.subnetsim.replica.wasm;

import dev.subnetsim.replica.execution.CanisterProgram;
import dev.subnetsim.replica.execution.CanisterTrap;
import dev.subnetsim.replica.execution.Env;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A canister whose code is a Wasm module, run by the Chicory interpreter behind the {@code ic0}
 * system API. Like every {@link CanisterProgram} it holds no state: each message instantiates the
 * shared {@link CanisterModule}, restores the heap and globals from the canister's replicated
 * memory ({@link HeapStore}), runs the entry point and, unless it trapped, commits its effects.
 * A trap (Wasm fault, {@code ic0.trap}, a forbidden system call, the instruction limit) becomes a
 * {@link CanisterTrap}: the execution environment rejects the message and nothing it did stays.
 */
public final class WasmCanisterProgram implements CanisterProgram {
  private final CanisterModule module;
  private final WasmLimits limits;
  private final Consumer<String> debug;

  /** @param debug receives {@code ic0.debug_print} text (outside the replicated state) */
  public WasmCanisterProgram(CanisterModule module, WasmLimits limits, Consumer<String> debug) {
    this.module = module;
    this.limits = limits;
    this.debug = debug;
  }

  public WasmCanisterProgram(CanisterModule module, WasmLimits limits) {
    this(module, limits, text -> { });
  }

  public CanisterModule module() {
    return module;
  }

  @Override
  public void init(Env env) {
    install(env, CanisterMeta.installedBy(env.caller()), "canister_init");
  }

  /** Upgrade, second half: a fresh instance of the new module; only stable memory was kept. */
  @Override
  public void postUpgrade(Env env) {
    CanisterMeta old = HeapStore.load(env).map(HeapStore.Snapshot::meta)
        .orElseThrow(() -> new CanisterTrap("upgrade of a canister with no installed module"));
    install(env, new CanisterMeta(old.version(), old.timer(), old.controller(), 0, new long[0]),
        "canister_post_upgrade");
  }

  private void install(Env env, CanisterMeta meta, String export) {
    MessageRun run = new MessageRun(module, limits, env, EntryPoint.INIT, "", meta, debug);
    guarded(env, run, () -> {
      run.instantiate(null);
      if (module.exports(export)) {
        run.invokeExport(export);
      }
    }, new byte[0]);
  }

  @Override
  public void preUpgrade(Env env) {
    runStored(env, EntryPoint.PRE_UPGRADE, "", "canister_pre_upgrade", true);
  }

  @Override
  public void update(String method, Env env) {
    if (CallbackContext.REPLY_METHOD.equals(method) || CallbackContext.REJECT_METHOD.equals(method)) {
      Optional<CallbackContext> context = CallbackContext.decode(env.callbackContext());
      if (context.isPresent()) {
        callback(env, context.get(), CallbackContext.REPLY_METHOD.equals(method));
        return;
      }
    }
    String export = "canister_update " + method;
    if (!module.exports(export)) {
      env.reject("canister has no update method '" + method + "'");
      return;
    }
    runStored(env, EntryPoint.UPDATE, method, export, false);
  }

  @Override
  public void query(String method, Env env) {
    String export = "canister_query " + method;
    if (!module.exports(export)) {
      env.reject("canister has no query method '" + method + "'");
      return;
    }
    runStored(env, EntryPoint.QUERY, method, export, false);
  }

  private void runStored(Env env, EntryPoint entry, String method, String export,
      boolean optional) {
    HeapStore.Snapshot stored = stored(env);
    MessageRun run = new MessageRun(module, limits, env, entry, method, stored.meta(), debug);
    guarded(env, run, () -> {
      run.instantiate(stored);
      if (!optional || module.exports(export)) {
        run.invokeExport(export);
      }
    }, stored.heap());
  }

  /**
   * A reply or reject callback. If it traps and the call registered a cleanup callback, the
   * cleanup runs on the state before the trapping callback and its changes stay, as the spec says;
   * the call context then has no answer from this callback (the runtime rejects it with
   * CANISTER_ERROR if nothing else answers it).
   */
  private void callback(Env env, CallbackContext c, boolean replied) {
    HeapStore.Snapshot stored = stored(env);
    EntryPoint entry = replied ? EntryPoint.REPLY_CALLBACK : EntryPoint.REJECT_CALLBACK;
    MessageRun run = new MessageRun(module, limits, env, entry, "", stored.meta(), debug);
    try {
      guarded(env, run, () -> {
        run.instantiate(stored);
        run.invokeCallback(replied ? c.replyFun() : c.rejectFun(),
            replied ? c.replyEnv() : c.rejectEnv());
      }, stored.heap());
    } catch (CanisterTrap trap) {
      if (!c.hasCleanup()) {
        throw trap;
      }
      debug.accept("callback trapped (" + trap.getMessage() + "); running its cleanup");
      MessageRun cleanup = new MessageRun(module, limits, env, EntryPoint.CLEANUP, "",
          stored.meta(), debug);
      guarded(env, cleanup, () -> {
        cleanup.instantiate(stored);
        cleanup.invokeCallback(c.cleanupFun(), c.cleanupEnv());
      }, stored.heap());
    }
  }

  private static HeapStore.Snapshot stored(Env env) {
    return HeapStore.load(env)
        .orElseThrow(() -> new CanisterTrap("the canister has no installed module"));
  }

  /**
   * Runs {@code body}, then commits; any failure becomes a trap with a deterministic message, and
   * the instructions used are charged either way.
   */
  private static void guarded(Env env, MessageRun run, Runnable body, byte[] heapBefore) {
    try {
      body.run();
    } catch (RuntimeException | StackOverflowError e) {
      // A Java stack overflow is not reached while DepthLimitedMachine's limit holds; should a
      // host's stack still run out, the trap is charged the whole limit so that replicas at least
      // agree on its cost.
      boolean overflow = WasmTraps.stackExhausted(e);
      chargeQuietly(env, overflow ? run.limit() : run.instructions());
      throw overflow ? new CanisterTrap("call stack exhausted")
          : WasmTraps.toTrap((RuntimeException) e);
    }
    env.charge(run.instructions());
    run.commit(heapBefore);
  }

  private static void chargeQuietly(Env env, long n) {
    try {
      env.charge(n);
    } catch (CanisterTrap ignored) {
      // past the environment's own limit as well: the trap being reported says enough
    }
  }
}
