package dev.subnetsim.replica.execution;

import dev.subnetsim.replica.execution.stable.VectorMemory;

/**
 * A canister's replicated state: which program runs it, its stable memory (where all of its data
 * lives), its certified data and its cycles. Mutable, owned by one replica's execution layer.
 */
public final class CanisterState {
  /** 4 GiB of 64 KiB pages would be 65,536; simulated canisters get 64 MiB. */
  public static final long MAX_STABLE_PAGES = 1024;

  private final CanisterId id;
  private final String program;
  private final VectorMemory stable;
  private byte[] certifiedData = new byte[0];
  private long cycles;

  public CanisterState(CanisterId id, String program, long cycles) {
    this(id, program, new VectorMemory(MAX_STABLE_PAGES), cycles);
  }

  private CanisterState(CanisterId id, String program, VectorMemory stable, long cycles) {
    this.id = id;
    this.program = program;
    this.stable = stable;
    this.cycles = cycles;
  }

  /** Rebuilds a canister from its checkpoint form (state sync, restart from a CUP). */
  public static CanisterState restore(CanisterId id, String program, byte[] stableMemory,
      long cycles, byte[] certifiedData) {
    CanisterState c = new CanisterState(id, program, VectorMemory.decode(stableMemory,
        MAX_STABLE_PAGES), cycles);
    c.certifiedData = certifiedData.clone();
    return c;
  }

  /** The stable memory's checkpoint form. */
  public byte[] encodeStableMemory() {
    return stable.encode();
  }

  /** A deep copy, for checkpoints and state sync. */
  public CanisterState copy() {
    CanisterState c = new CanisterState(id, program, stable.copy(), cycles);
    c.certifiedData = certifiedData.clone();
    return c;
  }

  public CanisterId id() {
    return id;
  }

  public String program() {
    return program;
  }

  VectorMemory stable() {
    return stable;
  }

  public byte[] certifiedData() {
    return certifiedData.clone();
  }

  void setCertifiedData(byte[] data) {
    certifiedData = data.clone();
  }

  public long cycles() {
    return cycles;
  }

  void setCycles(long cycles) {
    this.cycles = cycles;
  }

  /**
   * What clients read at {@code /canister/<id>/module_hash}: for a Wasm canister (program {@code
   * wasm:<hex>}) the SHA-256 of its module, as on the IC; for a Java canister SHA-256 of the
   * program's name, which stands in for the module it does not have.
   */
  public byte[] moduleHash() {
    if (program.startsWith("wasm:") && program.length() == 5 + 64) {
      return java.util.HexFormat.of().parseHex(program.substring(5));
    }
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(
          program.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 of the stable memory: part of the state root. */
  public byte[] stableMemoryHash() {
    return stable.contentHash();
  }
}
