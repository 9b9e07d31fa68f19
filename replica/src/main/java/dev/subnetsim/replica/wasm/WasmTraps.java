package dev.subnetsim.replica.wasm;

import com.dylibso.chicory.wasm.ChicoryException;
import dev.subnetsim.replica.execution.CanisterTrap;

/** Turns what the interpreter throws into the canister trap the caller sees. */
final class WasmTraps {
  private WasmTraps() {}

  /** Whether the Java stack ran out (the interpreter wraps the overflow in a ChicoryException). */
  static boolean stackExhausted(Throwable e) {
    return e instanceof StackOverflowError
        || e instanceof ChicoryException && e.getCause() instanceof StackOverflowError;
  }

  static CanisterTrap toTrap(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CanisterTrap trap) {
        return trap;
      }
    }
    if (e instanceof ChicoryException) {
      return new CanisterTrap("wasm trap: " + e.getMessage());
    }
    // Host-side faults (an index past an array, arithmetic) are the canister's traps as well.
    return new CanisterTrap("wasm trap: " + e.getClass().getSimpleName() + ": " + e.getMessage());
  }
}
