package dev.subnetsim.scenarios.spec;

import dev.subnetsim.consensus.types.SubnetId;

/**
 * A Wasm canister the scenario installs at genesis (scenarios/README.md, {@code
 * workload.wasm_canisters}): its module file (absolute, already checked to load), the subnet it
 * lives on (null: the ingress subnet), its init argument, and optional load: signed calls of
 * {@code method} with {@code callArg} at {@code callsPerSecond}; and its per-message instruction
 * limit.
 */
public record WasmCanisterSpec(String path, SubnetId subnet, byte[] initArg, String method,
    byte[] callArg, double callsPerSecond, long instructionLimit, int line) {

  public WasmCanisterSpec {
    initArg = initArg.clone();
    callArg = callArg.clone();
    if (!(callsPerSecond >= 0) || Double.isInfinite(callsPerSecond)) {
      throw new IllegalArgumentException("call rate must be finite and >= 0: " + callsPerSecond);
    }
  }

  @Override
  public byte[] initArg() {
    return initArg.clone();
  }

  @Override
  public byte[] callArg() {
    return callArg.clone();
  }
}
