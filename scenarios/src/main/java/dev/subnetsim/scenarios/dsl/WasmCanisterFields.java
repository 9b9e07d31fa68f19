package dev.subnetsim.scenarios.dsl;

import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.wasm.CanisterModule;
import dev.subnetsim.replica.wasm.WasmLimits;
import dev.subnetsim.replica.wasm.WasmLoadException;
import dev.subnetsim.scenarios.spec.WasmCanisterSpec;
import dev.subnetsim.scenarios.spec.WasmModuleFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HexFormat;

/**
 * {@code workload.wasm_canisters[]}: {@code {path, subnet?, init_arg?, method?, arg?, rate?,
 * instruction_limit?}}. The
 * module is resolved against the scenario's folder (on the classpath for a catalog scenario read
 * from there, see {@link WasmModuleFiles}) and loaded now, so a file that is missing
 * or that the runtime cannot run (memory64, a foreign import, invalid code) fails validation with
 * the scenario's file, line and field, the module's path and the reason (exit status 2).
 */
final class WasmCanisterFields {
  /** Calls per second of one canister's load, as the plain ingress rate allows at most. */
  static final double MAX_CALL_RATE = 1000;
  /** The IC's limit per update message; an interpreter takes minutes for it. */
  static final long MAX_INSTRUCTIONS = 40_000_000_000L;

  private WasmCanisterFields() {}

  static WasmCanisterSpec parse(String scenarioFile, boolean onClasspath, YamlNode node) {
    Fields f = new Fields(scenarioFile, node);
    String path = f.string("path");
    String module;
    try {
      module = WasmModuleFiles.resolve(scenarioFile, onClasspath, path);
    } catch (IllegalArgumentException e) { // InvalidPathException too
      throw f.error(f.require("path"), e.getMessage());
    }
    try {
      CanisterModule.load(module, WasmModuleFiles.read(module), WasmLimits.defaults());
    } catch (NoSuchFileException e) {
      throw f.error(f.require("path"), module + ": no such module file");
    } catch (IOException e) {
      throw f.error(f.require("path"), module + ": cannot read: " + e.getMessage());
    } catch (WasmLoadException e) {
      throw f.error(f.require("path"), e.getMessage());
    }
    SubnetId subnet = f.has("subnet") ? f.subnet("subnet") : null;
    byte[] init = hex(f, "init_arg");
    String method = f.has("method") ? f.string("method") : "";
    byte[] arg = hex(f, "arg");
    double rate = f.ratePerSecond("rate", 0, MAX_CALL_RATE, 0);
    long limit = f.integer("instruction_limit", 1000, MAX_INSTRUCTIONS,
        WasmLimits.defaults().instructionsPerMessage());
    if (rate > 0 && method.isEmpty()) {
      throw f.error(f.require("rate"), "a call rate needs a 'method' to call");
    }
    f.rejectUnknown();
    return new WasmCanisterSpec(module, subnet, init, method, arg, rate, limit,
        f.line());
  }

  /** A hex field (Candid or raw bytes), empty if absent. */
  private static byte[] hex(Fields f, String key) {
    if (!f.has(key)) {
      return new byte[0];
    }
    String text = f.string(key);
    try {
      byte[] b = HexFormat.of().parseHex(text);
      if (b.length > 2 * 1024 * 1024) {
        throw f.error(f.require(key), "at most 2 MiB");
      }
      return b;
    } catch (IllegalArgumentException e) {
      throw f.error(f.require(key), "expected hex bytes like 4449444c0000, got '" + text + "'");
    }
  }
}
