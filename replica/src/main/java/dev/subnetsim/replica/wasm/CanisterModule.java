package dev.subnetsim.replica.wasm;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A canister module, parsed and validated once and shared read-only by every replica that runs
 * it (each message instantiates it afresh; Chicory copies what an instance mutates). Loading
 * refuses, with the reason, what this runtime cannot run as a canister: malformed or invalid
 * Wasm, a 64-bit memory, imports other than the {@code ic0} functions {@link Ic0} offers (with
 * their spec signatures), more than one memory, or an initial memory past the heap limit.
 */
public final class CanisterModule {
  private final String source;
  private final WasmModule module;
  private final byte[] hash;
  private final Set<String> exports;

  private CanisterModule(String source, WasmModule module, byte[] hash, Set<String> exports) {
    this.source = source;
    this.module = module;
    this.hash = hash;
    this.exports = exports;
  }

  /** Parses and validates {@code bytes}; {@code source} names it in refusals (a file path). */
  public static CanisterModule load(String source, byte[] bytes, WasmLimits limits)
      throws WasmLoadException {
    if (bytes.length > 100 * 1024 * 1024) {
      throw new WasmLoadException(source, "module larger than 100 MiB");
    }
    String memory64 = WasmSections.memory64(bytes);
    if (memory64 != null) {
      throw new WasmLoadException(source, memory64);
    }
    WasmModule module;
    try {
      module = Parser.parse(bytes);
    } catch (ChicoryException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new WasmLoadException(source, "not a valid Wasm module: " + e.getMessage());
    }
    checkImports(source, module);
    int memories = module.memorySection().map(m -> m.memoryCount()).orElse(0);
    if (memories > 1) {
      throw new WasmLoadException(source, "declares " + memories + " memories; at most one");
    }
    if (memories == 1) {
      int initial = module.memorySection().get().getMemory(0).limits().initialPages();
      if (initial > limits.maxHeapPages()) {
        throw new WasmLoadException(source, "initial memory of " + initial
            + " pages exceeds the limit of " + limits.maxHeapPages());
      }
    }
    Set<String> exports = new TreeSet<>();
    for (int i = 0; i < module.exportSection().exportCount(); i++) {
      Export e = module.exportSection().getExport(i);
      if (e.exportType() == ExternalType.FUNCTION) {
        if (e.name().startsWith("canister_")) {
          checkEntryPoint(source, module, e);
        }
        exports.add(e.name());
      }
    }
    CanisterModule m = new CanisterModule(source, module, sha256(bytes), exports);
    m.trialInstance(source);
    return m;
  }

  private static void checkImports(String source, WasmModule module) throws WasmLoadException {
    for (int i = 0; i < module.importSection().importCount(); i++) {
      Import imp = module.importSection().getImport(i);
      if (!(imp instanceof FunctionImport f) || !"ic0".equals(imp.module())) {
        throw new WasmLoadException(source, "imports " + imp.module() + "." + imp.name()
            + "; a canister may import only ic0 functions");
      }
      Ic0Function known = Ic0.function(imp.name());
      if (known == null) {
        throw new WasmLoadException(source, "imports ic0." + imp.name()
            + ", which is not in the system API this runtime offers");
      }
      FunctionType type = module.typeSection().getType(f.typeIndex());
      if (!type.typesMatch(known.type())) {
        throw new WasmLoadException(source, "imports ic0." + imp.name() + " as " + type
            + " but the system API has " + known.type());
      }
    }
  }

  /** An entry point ({@code canister_update inc}, ...) takes and returns nothing (the spec). */
  private static void checkEntryPoint(String source, WasmModule module, Export e)
      throws WasmLoadException {
    int imported = module.importSection().count(ExternalType.FUNCTION);
    if (e.index() < imported) {
      throw new WasmLoadException(source, "exports an imported function as '" + e.name() + "'");
    }
    FunctionType type = module.functionSection().getFunctionType(e.index() - imported,
        module.typeSection());
    if (!type.typesMatch(FunctionType.empty())) {
      throw new WasmLoadException(source, "entry point '" + e.name() + "' has type " + type
          + "; entry points take and return nothing");
    }
  }

  /** Instantiates without running anything, so invalid code is refused now, not per message. */
  private void trialInstance(String source) throws WasmLoadException {
    try {
      Instance.builder(module).withImportValues(imports(null)).withStart(false)
          .build();
    } catch (ChicoryException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new WasmLoadException(source, "does not instantiate: " + e.getMessage());
    }
  }

  /** Host functions for this module's imports, bound to {@code run} (null: trap if called). */
  ImportValues imports(MessageRun run) {
    List<com.dylibso.chicory.runtime.ImportFunction> fs = new ArrayList<>();
    for (int i = 0; i < module.importSection().importCount(); i++) {
      Ic0Function f = Ic0.function(module.importSection().getImport(i).name());
      fs.add(new HostFunction("ic0", f.name(), f.type(), (inst, args) -> {
        if (run == null) {
          throw new IllegalStateException("ic0." + f.name() + " called while loading");
        }
        return run.systemCall(f, args);
      }));
    }
    return ImportValues.builder().withFunctions(fs).build();
  }

  WasmModule chicory() {
    return module;
  }

  /** Where the module came from (a file path), for messages. */
  public String source() {
    return source;
  }

  /** SHA-256 of the module's bytes (what the IC shows as the module hash). */
  public byte[] hash() {
    return hash.clone();
  }

  /** The program name replicas know this module by: {@code wasm:} and its hash in hex. */
  public String programName() {
    return "wasm:" + HexFormat.of().formatHex(hash);
  }

  public boolean exports(String function) {
    return exports.contains(function);
  }

  /** Exported function names ({@code canister_update inc}, {@code canister_init}, ...). */
  public Set<String> exportedFunctions() {
    return exports;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
