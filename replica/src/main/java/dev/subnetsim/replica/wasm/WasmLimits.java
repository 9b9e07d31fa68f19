package dev.subnetsim.replica.wasm;

/**
 * Deterministic limits of Wasm execution. The IC allows 40 billion instructions per update; an
 * interpreter running on a shared simulation host cannot spend minutes on one message, so the
 * default here is far lower and a scenario can raise it. Memory limits keep a canister's heap,
 * stable memory and bookkeeping within the simulated canister's 64 MiB of replicated memory.
 *
 * @param instructionsPerMessage Wasm instructions (plus system-call charges) one message may use
 * @param maxHeapPages 64 KiB pages of linear memory a canister may grow to
 * @param maxStablePages 64 KiB pages of stable memory a canister may grow to
 */
public record WasmLimits(long instructionsPerMessage, int maxHeapPages, int maxStablePages) {

  /** Instructions charged for each system call, as the cost model charges Java canisters. */
  public static final long SYSTEM_CALL_INSTRUCTIONS = 500;

  public WasmLimits {
    if (instructionsPerMessage <= 0 || maxHeapPages <= 0 || maxStablePages <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if ((long) maxHeapPages + maxStablePages > 960) {
      throw new IllegalArgumentException("heap and stable pages exceed the canister's 64 MiB");
    }
  }

  /** 50 million instructions, 32 MiB of heap, 24 MiB of stable memory. */
  public static WasmLimits defaults() {
    return new WasmLimits(50_000_000L, 512, 384);
  }

  public WasmLimits withInstructionsPerMessage(long n) {
    return new WasmLimits(n, maxHeapPages, maxStablePages);
  }
}
