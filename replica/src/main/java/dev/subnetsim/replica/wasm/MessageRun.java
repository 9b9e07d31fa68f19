package dev.subnetsim.replica.wasm;

import com.dylibso.chicory.runtime.GlobalInstance;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.MutabilityType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.subnetsim.replica.execution.CanisterTrap;
import dev.subnetsim.replica.execution.Env;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One entry point's execution on one instance of a module: the system calls' view of the message,
 * the instruction meter, and the message's effects held back until {@link #commit} (the response,
 * calls, certified data, stable memory, heap and globals), so that a trap or the instruction
 * limit leaves the canister exactly as the message found it.
 */
final class MessageRun {
  private static final FunctionType CALLBACK_TYPE = FunctionType.of(List.of(ValType.I32),
      List.of());

  private final CanisterModule module;
  private final WasmLimits limits;
  private final Env env;
  private final byte[] methodName;
  private final Consumer<String> debug;
  private final StableOverlay stable;
  private EntryPoint entry;
  private CanisterMeta meta;
  private Instance instance;
  private long instructions;
  private byte[] arg;
  private byte[] caller;
  private final ByteArrayOutputStream reply = new ByteArrayOutputStream();
  private boolean responded;
  private String rejectMessage;
  private PendingCall pending;
  private final List<PendingCall> calls = new ArrayList<>();
  private byte[] certifiedData;

  MessageRun(CanisterModule module, WasmLimits limits, Env env, EntryPoint entry, String method,
      CanisterMeta meta, Consumer<String> debug) {
    this.module = module;
    this.limits = limits;
    this.env = env;
    this.entry = entry;
    this.methodName = method.getBytes(StandardCharsets.UTF_8);
    this.meta = meta;
    this.debug = debug;
    var base = env.memory(HeapStore.STABLE);
    this.stable = new StableOverlay(base, base.size(), limits.maxStablePages(), this);
  }

  /**
   * Instantiates the module. Fresh (installation, upgrade): data segments and the start function
   * run, as the IC does once at installation. Otherwise the instance takes the stored heap and
   * globals and the start function does not run again.
   */
  void instantiate(HeapStore.Snapshot stored) {
    EntryPoint target = entry;
    boolean fresh = stored == null;
    if (fresh && module.chicory().startSection().isPresent()) {
      entry = EntryPoint.START;
    }
    var builder = Instance.builder(module.chicory()).withImportValues(module.imports(this))
        .withStart(fresh).withUnsafeExecutionListener((instruction, stack) -> tick())
        .withMachineFactory(DepthLimitedMachine::new);
    module.chicory().memorySection().ifPresent(s -> {
      MemoryLimits declared = s.getMemory(0).limits();
      builder.withMemoryLimits(new MemoryLimits(declared.initialPages(),
          Math.min(declared.maximumPages(), limits.maxHeapPages())));
    });
    instance = builder.build();
    entry = target;
    if (!fresh) {
      restore(stored);
    }
  }

  private void restore(HeapStore.Snapshot stored) {
    byte[] heap = stored.heap();
    if (heap.length > 0) {
      Memory m = instance.memory();
      int want = heap.length / StableOverlay.PAGE;
      if (m.pages() < want && m.grow(want - m.pages()) < 0) {
        throw new CanisterTrap("cannot restore a heap of " + want + " pages");
      }
      m.write(0, heap);
    }
    long[] g = stored.meta().globals();
    if (g.length != 2 * instance.globalCount()) {
      throw new CanisterTrap("stored globals do not fit the module");
    }
    for (int i = 0; i < instance.globalCount(); i++) {
      GlobalInstance gi = instance.global(i);
      if (gi.getMutabilityType() == MutabilityType.Var) {
        gi.setValueLow(g[2 * i]);
        gi.setValueHigh(g[2 * i + 1]);
      }
    }
  }

  /** Runs an exported function with no arguments ({@code canister_update inc}, ...). */
  void invokeExport(String name) {
    instance.export(name).apply();
  }

  /** Runs table function {@code fun} with {@code env}, as a callback; a wrong index traps. */
  void invokeCallback(int fun, int envValue) {
    if (instance.tableCount() == 0 || fun < 0 || fun >= instance.table(0).size()) {
      trap("callback index " + fun + " is not in the module's table");
    }
    int index = instance.table(0).requiredRef(fun);
    if (!instance.type(instance.functionType(index)).typesMatch(CALLBACK_TYPE)) {
      trap("callback " + fun + " is not a function (i32) -> ()");
    }
    instance.getMachine().call(index, new long[] {envValue});
  }

  /** Counts one executed instruction; past the limit, a trap at the same instruction everywhere. */
  private void tick() {
    if (++instructions > limits.instructionsPerMessage()) {
      throw new CanisterTrap("instruction limit of " + limits.instructionsPerMessage()
          + " exceeded");
    }
  }

  void charge(long n) {
    instructions += n;
    if (instructions > limits.instructionsPerMessage()) {
      throw new CanisterTrap("instruction limit of " + limits.instructionsPerMessage()
          + " exceeded");
    }
  }

  long instructions() {
    return instructions;
  }

  long limit() {
    return limits.instructionsPerMessage();
  }

  /** Dispatches a system call after checking that this entry point may make it. */
  long[] systemCall(Ic0Function f, long[] args) {
    if (!Ic0Permissions.allowed(f.name(), entry)) {
      trap("ic0." + f.name() + " cannot be called from " + describe(entry));
    }
    charge(WasmLimits.SYSTEM_CALL_INSTRUCTIONS);
    return f.handler().apply(this, args);
  }

  private static String describe(EntryPoint e) {
    return switch (e) {
      case START -> "the start function";
      case INIT -> "canister_init or canister_post_upgrade";
      case PRE_UPGRADE -> "canister_pre_upgrade";
      case UPDATE -> "an update method";
      case QUERY -> "a query method";
      case REPLY_CALLBACK -> "a reply callback";
      case REJECT_CALLBACK -> "a reject callback";
      case CLEANUP -> "a cleanup callback";
      case INSPECT -> "canister_inspect_message";
      case TIMER -> "a timer or heartbeat";
    };
  }

  void trap(String message) {
    throw new CanisterTrap(message);
  }

  /** Reads {@code len} bytes at {@code addr} of the heap (both i32 values, taken unsigned). */
  byte[] read(long addr, long len) {
    return read64(Integer.toUnsignedLong((int) addr), Integer.toUnsignedLong((int) len));
  }

  byte[] read64(long addr, long len) {
    Memory m = instance.memory();
    long size = m == null ? 0 : (long) m.pages() * StableOverlay.PAGE;
    if (addr < 0 || len < 0 || len > size || addr > size - len) {
      trap("heap access out of bounds: " + len + " bytes at " + addr);
    }
    charge(len);
    return m.readBytes((int) addr, (int) len);
  }

  void write(long addr, byte[] data) {
    Memory m = instance.memory();
    long size = m == null ? 0 : (long) m.pages() * StableOverlay.PAGE;
    if (addr < 0 || addr > size - data.length) {
      trap("heap access out of bounds: " + data.length + " bytes at " + addr);
    }
    charge(data.length);
    if (data.length > 0) {
      m.write((int) addr, data);
    }
  }

  Env env() {
    return env;
  }

  EntryPoint entry() {
    return entry;
  }

  CanisterMeta meta() {
    return meta;
  }

  void setMeta(CanisterMeta m) {
    meta = m;
  }

  StableOverlay stable() {
    return stable;
  }

  byte[] arg() {
    if (arg == null) {
      arg = env.arg();
    }
    return arg;
  }

  byte[] caller() {
    if (caller == null) {
      caller = env.caller();
    }
    return caller;
  }

  byte[] self() {
    return env.self().toBytes();
  }

  int rejectCode() {
    return env.rejectCode();
  }

  byte[] methodName() {
    return methodName.clone();
  }

  void debugPrint(String text) {
    debug.accept(text);
  }

  void appendReply(byte[] data) {
    if (responded) {
      trap("msg_reply_data_append after the call was answered");
    }
    if (reply.size() + (long) data.length > PendingCall.MAX_ARG) {
      trap("reply exceeds " + PendingCall.MAX_ARG + " bytes");
    }
    reply.writeBytes(data);
  }

  void reply() {
    answer();
  }

  void reject(String message) {
    answer();
    rejectMessage = message;
  }

  private void answer() {
    if (responded) {
      trap("the call was already answered");
    }
    responded = true;
  }

  void newCall(PendingCall call) {
    pending = call;
  }

  PendingCall pendingCall(String function) {
    if (pending == null) {
      trap(function + " without call_new");
    }
    return pending;
  }

  void perform() {
    calls.add(pendingCall("call_perform"));
    pending = null;
  }

  void setCertifiedData(byte[] data) {
    certifiedData = data.clone();
  }

  /**
   * Applies the message's effects to the replicated state: stable memory, heap, globals and
   * metadata (unless a query), certified data, calls, then the response.
   */
  void commit(byte[] heapBefore) {
    if (entry.persists()) {
      stable.commit();
      Memory m = instance.memory();
      byte[] heap = m == null ? new byte[0] : m.readBytes(0, m.pages() * StableOverlay.PAGE);
      long[] globals = new long[2 * instance.globalCount()];
      for (int i = 0; i < instance.globalCount(); i++) {
        globals[2 * i] = instance.global(i).getValueLow();
        globals[2 * i + 1] = instance.global(i).getValueHigh();
      }
      HeapStore.store(env, meta.next(heap.length / StableOverlay.PAGE, globals), heap,
          heapBefore);
      if (certifiedData != null) {
        env.setCertifiedData(certifiedData);
      }
    }
    for (PendingCall c : calls) {
      env.call(c.target(), c.method(), c.arg(), CallbackContext.REPLY_METHOD,
          CallbackContext.REJECT_METHOD, c.callbacks().encode());
    }
    if (responded) {
      if (rejectMessage != null) {
        env.reject(rejectMessage);
      } else {
        env.reply(reply.toByteArray());
      }
    }
  }
}
