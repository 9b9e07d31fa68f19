package dev.subnetsim.scenarios.spec;

import dev.subnetsim.consensus.types.SubnetId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

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

  // By content, so that a spec written out and read back (a shrunk fuzz case) equals the original.
  @Override
  public boolean equals(Object o) {
    return o instanceof WasmCanisterSpec w && path.equals(w.path)
        && Objects.equals(subnet, w.subnet) && Arrays.equals(initArg, w.initArg)
        && method.equals(w.method) && Arrays.equals(callArg, w.callArg)
        && Double.compare(callsPerSecond, w.callsPerSecond) == 0
        && instructionLimit == w.instructionLimit && line == w.line;
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, subnet, Arrays.hashCode(initArg), method, Arrays.hashCode(callArg),
        callsPerSecond, instructionLimit, line);
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "WasmCanisterSpec[path=" + path + ", subnet=" + subnet + ", initArg="
        + hex.formatHex(initArg) + ", method=" + method + ", callArg=" + hex.formatHex(callArg)
        + ", callsPerSecond=" + callsPerSecond + ", instructionLimit=" + instructionLimit
        + ", line=" + line + "]";
  }
}
