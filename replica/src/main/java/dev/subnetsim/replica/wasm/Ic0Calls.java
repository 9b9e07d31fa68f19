package dev.subnetsim.replica.wasm;

import static dev.subnetsim.replica.wasm.Ic0Function.NONE;
import static dev.subnetsim.replica.wasm.Ic0Function.of;

import dev.subnetsim.replica.execution.CanisterId;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Inter-canister calls: {@code call_new} starts a call, {@code call_data_append},
 * {@code call_on_cleanup} and {@code call_cycles_add*} complete it and {@code call_perform}
 * sends it. Its reply or reject later runs the callback the module named, a function of its table
 * (index and environment in {@link CallbackContext}). No cycles travel: {@code call_cycles_add*}
 * is accepted and nothing is transferred.
 */
final class Ic0Calls {
  private Ic0Calls() {}

  static List<Ic0Function> functions() {
    return List.of(
        of("call_new", "iiiiiiii", "", Ic0Calls::callNew),
        of("call_data_append", "ii", "", (r, a) -> {
          r.pendingCall("call_data_append").append(r.read(a[0], a[1]));
          return NONE;
        }),
        of("call_on_cleanup", "ii", "", (r, a) -> {
          r.pendingCall("call_on_cleanup").onCleanup(r, (int) a[0], (int) a[1]);
          return NONE;
        }),
        of("call_cycles_add", "I", "", (r, a) -> {
          r.pendingCall("call_cycles_add");
          return NONE;
        }),
        of("call_cycles_add128", "II", "", (r, a) -> {
          r.pendingCall("call_cycles_add128");
          return NONE;
        }),
        of("call_perform", "", "i", (r, a) -> {
          r.perform();
          return new long[] {0};
        }));
  }

  private static long[] callNew(MessageRun r, long[] a) {
    byte[] callee = r.read(a[0], a[1]);
    String method = new String(r.read(a[2], a[3]), StandardCharsets.UTF_8);
    CanisterId target;
    try {
      target = CanisterId.fromBytes(callee);
    } catch (IllegalArgumentException e) {
      // The IC would reject the call asynchronously; only canister ids are routable here.
      r.trap("call_new to a principal that is not a canister id");
      return NONE;
    }
    r.newCall(new PendingCall(target, method,
        new CallbackContext((int) a[4], (int) a[5], (int) a[6], (int) a[7], -1, 0)));
    return NONE;
  }
}
