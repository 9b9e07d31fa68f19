package dev.subnetsim.replica.wasm;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;

/** One system call: its name in {@code ic0}, its spec signature and what it does to a message. */
record Ic0Function(String name, FunctionType type, Handler handler) {

  @FunctionalInterface
  interface Handler {
    /** Runs the call for {@code run}; returns the results (empty for none). */
    long[] apply(MessageRun run, long[] args);
  }

  static final long[] NONE = new long[0];

  /** A signature in the spec's notation: 'i' for i32, 'I' for i64 (e.g. "iii", "" or "I"). */
  static Ic0Function of(String name, String params, String results, Handler handler) {
    return new Ic0Function(name, FunctionType.of(types(params), types(results)), handler);
  }

  private static List<ValType> types(String s) {
    return s.chars().mapToObj(c -> c == 'i' ? ValType.I32 : ValType.I64).toList();
  }
}
