package dev.subnetsim.replica.wasm;

/** A module the runtime cannot load as a canister, with the reason in the interface spec's terms. */
public final class WasmLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  public WasmLoadException(String source, String reason) {
    super(source + ": " + reason);
  }
}
