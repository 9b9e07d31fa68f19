package dev.subnetsim.replica.wasm;

import static dev.subnetsim.replica.wasm.WasmTestbed.replied;
import static dev.subnetsim.replica.wasm.WasmTestbed.text;
import static dev.subnetsim.replica.wasm.WasmTestbed.u64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.replica.execution.CanisterCall;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.ExecutionResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WasmCallsAndLimitsTest {
  private static final CanisterModule COUNTER = WasmTestbed.module("counter");
  private static final CanisterModule CALLER = WasmTestbed.module("caller");
  private static final CanisterModule LOOPER = WasmTestbed.module("looper");
  private static final byte[] COUNTER_ID = new CanisterId(1).toBytes();

  private static WasmTestbed callerAndCounter() {
    WasmTestbed bed = new WasmTestbed(WasmLimits.defaults());
    bed.install(1, COUNTER, new byte[0]);
    bed.install(2, CALLER, new byte[0]);
    return bed;
  }

  private static int i32(Object outcome) {
    return ByteBuffer.wrap(replied(outcome)).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  @Test
  void aCallToAnotherCanisterRepliesThroughTheTableCallbackWithItsEnvironment() {
    WasmTestbed bed = callerAndCounter();
    byte[] answer = replied(bed.update(2, "call", COUNTER_ID));
    assertThat(new String(answer, 0, 3, StandardCharsets.UTF_8)).isEqualTo("ok:");
    assertThat(u64(Arrays.copyOfRange(answer, 3, 11))).isEqualTo(1);
    assertThat(u64(replied(bed.query(1, "get")))).isEqualTo(1);
    assertThat(i32(bed.query(2, "calls_made"))).isEqualTo(1);
  }

  @Test
  void aRejectedCallRunsTheRejectCallbackWithCodeAndMessage() {
    WasmTestbed bed = callerAndCounter();
    assertThat(text(bed.update(2, "call_missing", COUNTER_ID)))
        .isEqualTo("rejected:4canister has no update method 'nope'");
    assertThat(text(bed.update(2, "call", new CanisterId(9).toBytes())))
        .isEqualTo("rejected:3canister canister-9 does not exist");
  }

  @Test
  void aForbiddenCallInACallbackTrapsAndItsCleanupRunsOnTheStateBeforeIt() {
    WasmTestbed bed = callerAndCounter();
    ExecutionResult.Outcome o = bed.update(2, "bad_callback", COUNTER_ID);
    assertThat(o).isInstanceOf(ExecutionResult.Pending.class);
    assertThat(bed.printed).anyMatch(s -> s.contains(
        "ic0.accept_message cannot be called from a reply callback"));
    assertThat(i32(bed.query(2, "cleaned"))).isEqualTo(99);
  }

  @Test
  void aTrappingCallbackLeavesNothingButItsCleanupsChanges() {
    WasmTestbed bed = callerAndCounter();
    bed.update(2, "callback_trap", COUNTER_ID);
    assertThat(i32(bed.query(2, "calls_made"))).isEqualTo(1);
    assertThat(i32(bed.query(2, "cleaned"))).isEqualTo(99);
  }

  @Test
  void aCallbackContextFromAnotherCanisterCannotBeForged() {
    WasmTestbed bed = callerAndCounter();
    byte[] hash = bed.canister(2).stableMemoryHash();
    ExecutionResult r = bed.env().execute(bed.canister(2), new CanisterCall(
        CanisterCall.Kind.REPLY_CALLBACK, new CanisterId(2), COUNTER_ID,
        CallbackContext.REPLY_METHOD, new byte[0],
        new CallbackContext(40, 0, 40, 0, -1, 0).encode()), WasmTestbed.TIME, WasmTestbed.SEED);
    assertThat(r.outcome()).isEqualTo(new ExecutionResult.Rejected(5,
        "canister canister-2 trapped: callback index 40 is not in the module's table"));
    assertThat(bed.canister(2).stableMemoryHash()).isEqualTo(hash);
  }

  @Test
  void anInfiniteLoopStopsAtTheInstructionLimitAtTheSameCountOnEveryReplica() {
    long[] used = new long[2];
    byte[][] hashes = new byte[2][];
    for (int r = 0; r < 2; r++) {
      WasmTestbed bed = new WasmTestbed(new WasmLimits(100_000, 16, 16));
      bed.install(1, LOOPER, new byte[0]);
      bed.update(1, "count", new byte[0]);
      byte[] before = bed.canister(1).stableMemoryHash();
      ExecutionResult result = bed.env().execute(bed.canister(1), CanisterCall.update(
          new CanisterId(1), WasmTestbed.USER, "spin", new byte[0]), WasmTestbed.TIME,
          WasmTestbed.SEED);
      assertThat(result.outcome()).isEqualTo(new ExecutionResult.Rejected(5,
          "canister canister-1 trapped: instruction limit of 100000 exceeded"));
      assertThat(bed.canister(1).stableMemoryHash()).isEqualTo(before);
      assertThat(u64(replied(bed.query(1, "get")))).isEqualTo(1);
      assertThat(u64(replied(bed.update(1, "count", new byte[0])))).isEqualTo(2);
      used[r] = result.instructions();
      hashes[r] = bed.canister(1).stableMemoryHash();
    }
    assertThat(used[0]).isEqualTo(used[1]).isGreaterThan(100_000);
    assertThat(hashes[0]).isEqualTo(hashes[1]);
  }

  @Test
  void unboundedRecursionTrapsAndRollsBack() {
    WasmTestbed bed = new WasmTestbed(new WasmLimits(10_000_000, 16, 16));
    bed.install(1, LOOPER, new byte[0]);
    ExecutionResult.Outcome o = bed.update(1, "recurse", new byte[0]);
    assertThat(o).isInstanceOf(ExecutionResult.Rejected.class);
    assertThat(((ExecutionResult.Rejected) o).message()).isEqualTo(
        "canister canister-1 trapped: Wasm call depth limit of 300 exceeded");
    assertThat(u64(replied(bed.query(1, "get")))).isZero();
  }

  @Test
  void theDepthLimitIsReachedBeforeASmallJavaStackRunsOut() throws InterruptedException {
    ExecutionResult.Outcome[] seen = new ExecutionResult.Outcome[1];
    Thread t = new Thread(null, () -> {
      WasmTestbed bed = new WasmTestbed(new WasmLimits(10_000_000, 16, 16));
      bed.install(1, LOOPER, new byte[0]);
      seen[0] = bed.update(1, "recurse", new byte[0]);
    }, "small-stack", 512 * 1024);
    t.start();
    t.join();
    assertThat(seen[0]).isEqualTo(new ExecutionResult.Rejected(5,
        "canister canister-1 trapped: Wasm call depth limit of 300 exceeded"));
  }
}
