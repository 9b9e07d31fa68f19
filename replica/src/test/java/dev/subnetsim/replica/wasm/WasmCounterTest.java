package dev.subnetsim.replica.wasm;

import static dev.subnetsim.replica.wasm.WasmTestbed.replied;
import static dev.subnetsim.replica.wasm.WasmTestbed.u64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.replica.execution.ExecutionResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WasmCounterTest {
  private static final CanisterModule COUNTER = WasmTestbed.module("counter");

  private static WasmTestbed counter() {
    WasmTestbed bed = new WasmTestbed(WasmLimits.defaults());
    assertThat(bed.install(1, COUNTER, new byte[0]).outcome())
        .isInstanceOf(ExecutionResult.Replied.class);
    return bed;
  }

  @Test
  void countLivesInHeapAndGlobalAcrossMessagesAndQueriesChangeNothing() {
    WasmTestbed bed = counter();
    for (int i = 1; i <= 3; i++) {
      assertThat(u64(replied(bed.update(1, "inc", new byte[0])))).isEqualTo(i);
    }
    byte[] hash = bed.canister(1).stableMemoryHash();
    assertThat(u64(replied(bed.query(1, "get")))).isEqualTo(3);
    assertThat(u64(replied(bed.query(1, "calls")))).isEqualTo(3);
    assertThat(bed.canister(1).stableMemoryHash()).isEqualTo(hash);
    assertThat(bed.canister(1).certifiedData()).isEqualTo(u64(3));
    assertThat(bed.printed).containsExactly("counted", "counted", "counted");
  }

  @Test
  void initArgumentSetsTheStartingCount() {
    WasmTestbed bed = new WasmTestbed(WasmLimits.defaults());
    bed.install(1, COUNTER, u64(41));
    assertThat(u64(replied(bed.update(1, "inc", new byte[0])))).isEqualTo(42);
  }

  @Test
  void replicasExecutingTheSameMessagesEndWithIdenticalStateHashes() {
    List<WasmTestbed> replicas = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      WasmTestbed bed = counter();
      bed.update(1, "inc", new byte[0]);
      bed.update(1, "inc_then_trap", new byte[0]);
      bed.update(1, "whoami", new byte[0]);
      bed.update(1, "inc", new byte[0]);
      replicas.add(bed);
    }
    byte[] first = replicas.get(0).canister(1).stableMemoryHash();
    assertThat(first).isNotEqualTo(counter().canister(1).stableMemoryHash());
    for (WasmTestbed bed : replicas) {
      assertThat(bed.canister(1).stableMemoryHash()).isEqualTo(first);
      assertThat(bed.canister(1).cycles()).isEqualTo(replicas.get(0).canister(1).cycles());
    }
  }

  @Test
  void trapsRollBackHeapGlobalsAndCertifiedDataAndAreReportedPerMessage() {
    WasmTestbed bed = counter();
    bed.update(1, "inc", new byte[0]);
    byte[] hash = bed.canister(1).stableMemoryHash();
    for (String method : List.of("inc_then_trap", "inc_then_divide_by_zero",
        "inc_then_out_of_bounds")) {
      ExecutionResult.Outcome o = bed.update(1, method, new byte[0]);
      assertThat(o).isInstanceOf(ExecutionResult.Rejected.class);
      assertThat(((ExecutionResult.Rejected) o).code()).isEqualTo(5);
      assertThat(bed.canister(1).stableMemoryHash()).as(method).isEqualTo(hash);
    }
    assertThat(((ExecutionResult.Rejected) bed.update(1, "inc_then_trap", new byte[0])).message())
        .contains("canister called ic0.trap: no such thing");
    assertThat(u64(replied(bed.query(1, "get")))).isEqualTo(1);
    assertThat(u64(replied(bed.query(1, "calls")))).isEqualTo(1);
    assertThat(bed.canister(1).certifiedData()).isEqualTo(u64(1));
    assertThat(u64(replied(bed.update(1, "inc", new byte[0])))).isEqualTo(2);
  }

  @Test
  void aRejectKeepsTheChangesAndAnswersWithCanisterReject() {
    WasmTestbed bed = counter();
    ExecutionResult.Outcome o = bed.update(1, "reject", new byte[0]);
    assertThat(o).isEqualTo(new ExecutionResult.Rejected(4, "no such thing"));
    assertThat(u64(replied(bed.query(1, "get")))).isEqualTo(1);
  }

  @Test
  void forbiddenSystemCallsTrapPerEntryPoint() {
    WasmTestbed bed = counter();
    assertThat(bed.update(1, "accept", new byte[0])).isEqualTo(new ExecutionResult.Rejected(5,
        "canister canister-1 trapped: ic0.accept_message cannot be called from an update method"));
    assertThat(bed.query(1, "certify").outcome()).isEqualTo(new ExecutionResult.Rejected(5,
        "canister canister-1 trapped: ic0.certified_data_set cannot be called from a query method"));
    assertThat(bed.query(1, "call").outcome()).isEqualTo(new ExecutionResult.Rejected(5,
        "canister canister-1 trapped: ic0.call_new cannot be called from a query method"));
    assertThat(bed.update(1, "reply_twice", new byte[0])).isEqualTo(new ExecutionResult.Rejected(
        5, "canister canister-1 trapped: msg_reply_data_append after the call was answered"));
    assertThat(u64(replied(bed.query(1, "get")))).isZero();
  }

  @Test
  void systemApiAnswersCallerTimeAndInstructionCounter() {
    WasmTestbed bed = counter();
    assertThat(replied(bed.update(1, "whoami", new byte[0]))).isEqualTo(WasmTestbed.USER);
    assertThat(u64(replied(bed.update(1, "time", new byte[0])))).isEqualTo(WasmTestbed.TIME);
    assertThat(u64(replied(bed.update(1, "perf", new byte[0])))).isPositive();
    assertThat(bed.update(1, "no_such_method", new byte[0])).isEqualTo(
        new ExecutionResult.Rejected(4, "canister has no update method 'no_such_method'"));
  }

  @Test
  void theWasmCallbackMethodNamesCannotBeCalledFromOutside() {
    WasmTestbed bed = counter();
    ExecutionResult.Outcome o = bed.update(1, CallbackContext.REPLY_METHOD,
        "x".getBytes(StandardCharsets.UTF_8));
    assertThat(o).isInstanceOf(ExecutionResult.Rejected.class);
    assertThat(u64(replied(bed.query(1, "get")))).isZero();
  }
}
