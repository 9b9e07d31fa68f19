/**
 * Canisters written in WebAssembly, run by the pure-Java Chicory interpreter behind the
 * {@code ic0} system API of the interface spec. A {@link dev.subnetsim.replica.wasm.CanisterModule}
 * is parsed and validated once per run and shared by every replica;
 * {@link dev.subnetsim.replica.wasm.WasmCanisterProgram} is an ordinary canister program, so Wasm
 * and Java canisters run side by side under the same execution, state hashing, checkpoints and
 * state sync. Instructions are counted by the interpreter's execution listener (every executed
 * Wasm instruction is one, every system call 500 more plus a byte per byte copied), identically on
 * every replica, with a per-message limit; a trap or the limit leaves memory, globals, stable
 * memory, certified data and calls as they were.
 *
 * <p>Simplified, and said so here and in the README: cycles are not charged to Wasm code beyond
 * the runtime's cost model and do not travel with calls (the 128-bit cycle calls answer 0 or are
 * accepted and ignored); the heap is persisted in the canister's replicated memory and its loading
 * is charged a byte per instruction; the table is not persisted (modules re-initialise it from
 * their element segments, which Motoko and Rust canisters never change); the data certificate is
 * never present; the global timer and heartbeat never fire; composite queries and
 * {@code canister_inspect_message} are not run; NaNs are not canonicalised (replicas of one run
 * share one JVM, whose float operations give the same bits everywhere it runs, but a cluster of
 * different CPU architectures could differ in a NaN's payload).
 */
package dev.subnetsim.replica.wasm;
