package dev.subnetsim.replica.wasm;

import java.util.Map;
import java.util.TreeMap;

/** The {@code ic0} module: every system call this runtime offers, by name. */
final class Ic0 {
  private static final Map<String, Ic0Function> FUNCTIONS = functions();

  private Ic0() {}

  private static Map<String, Ic0Function> functions() {
    Map<String, Ic0Function> m = new TreeMap<>();
    for (Ic0Function f : Ic0Messages.functions()) {
      m.put(f.name(), f);
    }
    for (Ic0Function f : Ic0Calls.functions()) {
      m.put(f.name(), f);
    }
    for (Ic0Function f : Ic0System.functions()) {
      m.put(f.name(), f);
    }
    for (String name : m.keySet()) {
      if (!Ic0Permissions.known(name)) {
        throw new IllegalStateException("ic0." + name + " has no permission entry");
      }
    }
    return m;
  }

  /** The system call named {@code name}, or null if this runtime does not offer it. */
  static Ic0Function function(String name) {
    return FUNCTIONS.get(name);
  }
}
