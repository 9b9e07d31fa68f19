package dev.subnetsim.replica.execution;

/**
 * Instructions and cycles. Modelled on the IC's fee table for a 13-node application subnet
 * (interface spec / "Cycles cost of operations"): a fixed fee per executed update message plus a
 * fee per instruction, and a per-message instruction limit. Java canisters do not run on a Wasm
 * metering VM, so instructions are counted by the runtime: every system call costs a fixed amount,
 * every byte of stable memory read or written costs {@link #INSTRUCTIONS_PER_STABLE_BYTE}, and
 * canisters charge their own computation with {@code Env.charge}.
 */
public record CostModel(
    long updateBaseFeeCycles,
    double cyclesPerInstruction,
    long instructionLimitPerMessage,
    long systemCallInstructions,
    long xnetCallFeeCycles) {

  public static final long INSTRUCTIONS_PER_STABLE_BYTE = 1;

  /** IC 13-node subnet: 590K cycles per update, 0.4 cycles per instruction, 40B instructions. */
  public static CostModel icApplicationSubnet() {
    return new CostModel(590_000, 0.4, 40_000_000_000L, 500, 260_000);
  }

  public long cyclesFor(long instructions) {
    return updateBaseFeeCycles + (long) Math.ceil(instructions * cyclesPerInstruction);
  }
}
