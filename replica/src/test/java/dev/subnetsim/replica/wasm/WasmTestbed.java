package dev.subnetsim.replica.wasm;

import dev.subnetsim.replica.execution.CanisterCall;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterProgram;
import dev.subnetsim.replica.execution.CanisterState;
import dev.subnetsim.replica.execution.CostModel;
import dev.subnetsim.replica.execution.ExecutionEnvironment;
import dev.subnetsim.replica.execution.ExecutionResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One replica's execution of a few canisters, with inter-canister calls delivered in order (as
 * the block executor would, without consensus): enough to drive Wasm canisters in unit tests.
 */
final class WasmTestbed {
  static final byte[] USER = "user-principal".getBytes(StandardCharsets.UTF_8);
  static final byte[] SEED = new byte[32];
  static final long TIME = 1_700_000_000_000_000_000L;

  final Map<String, CanisterProgram> programs = new TreeMap<>();
  final Map<CanisterId, CanisterState> canisters = new TreeMap<>();
  final List<String> printed = new ArrayList<>();
  private final WasmLimits limits;
  private ExecutionEnvironment exec;

  WasmTestbed(WasmLimits limits) {
    this.limits = limits;
  }

  static CanisterModule module(String name) {
    try (InputStream in = WasmTestbed.class.getResourceAsStream("/wasm/" + name + ".wasm")) {
      return CanisterModule.load(name + ".wasm", in.readAllBytes(), WasmLimits.defaults());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (WasmLoadException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registers {@code module} and installs it as canister {@code index} with {@code arg}. */
  ExecutionResult install(long index, CanisterModule module, byte[] arg) {
    register(module);
    CanisterId id = new CanisterId(index);
    CanisterState c = new CanisterState(id, module.programName(), 1_000_000_000_000L);
    canisters.put(id, c);
    return env().execute(c, new CanisterCall(CanisterCall.Kind.INIT, id, USER, "", arg,
        new byte[0]), TIME, SEED);
  }

  void register(CanisterModule module) {
    programs.put(module.programName(), new WasmCanisterProgram(module, limits, printed::add));
    exec = null;
  }

  ExecutionEnvironment env() {
    if (exec == null) {
      exec = new ExecutionEnvironment(programs, CostModel.icApplicationSubnet());
    }
    return exec;
  }

  CanisterState canister(long index) {
    return canisters.get(new CanisterId(index));
  }

  ExecutionResult query(long index, String method) {
    return env().execute(canister(index), CanisterCall.query(new CanisterId(index), USER, method,
        new byte[0]), TIME, SEED);
  }

  /** Runs an update and every call it makes; the outcome the user finally sees. */
  ExecutionResult.Outcome update(long index, String method, byte[] arg) {
    return deliver(CanisterCall.update(new CanisterId(index), USER, method, arg));
  }

  private ExecutionResult.Outcome deliver(CanisterCall call) {
    CanisterState target = canisters.get(call.target());
    ExecutionResult r = env().execute(target, call, TIME, SEED);
    ExecutionResult.Outcome outcome = r.outcome();
    for (ExecutionResult.OutgoingCall out : r.calls()) {
      ExecutionResult.Outcome response;
      if (!canisters.containsKey(out.target())) {
        response = new ExecutionResult.Rejected(3, "canister " + out.target() + " does not exist");
      } else {
        response = deliver(CanisterCall.update(out.target(), out.from().toBytes(), out.method(),
            out.arg()));
      }
      CanisterCall callback = response instanceof ExecutionResult.Replied rep
          ? new CanisterCall(CanisterCall.Kind.REPLY_CALLBACK, out.from(), out.target().toBytes(),
              out.replyMethod(), rep.data(), out.context())
          : new CanisterCall(CanisterCall.Kind.REJECT_CALLBACK, out.from(), out.target().toBytes(),
              out.rejectMethod(), ((ExecutionResult.Rejected) response).message()
                  .getBytes(StandardCharsets.UTF_8), out.context(),
              ((ExecutionResult.Rejected) response).code());
      ExecutionResult.Outcome answered = deliver(callback);
      if (!(answered instanceof ExecutionResult.Pending)) {
        outcome = answered;
      }
    }
    return outcome;
  }

  static byte[] u64(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
  }

  static long u64(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  static byte[] replied(Object outcome) {
    if (outcome instanceof ExecutionResult r) {
      outcome = r.outcome();
    }
    if (!(outcome instanceof ExecutionResult.Replied rep)) {
      throw new AssertionError("expected a reply, got " + outcome);
    }
    return rep.data();
  }

  static String text(Object outcome) {
    return new String(replied(outcome), StandardCharsets.UTF_8);
  }
}
