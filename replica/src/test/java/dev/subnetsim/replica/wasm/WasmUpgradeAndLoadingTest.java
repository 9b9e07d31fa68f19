package dev.subnetsim.replica.wasm;

import static dev.subnetsim.replica.wasm.WasmTestbed.replied;
import static dev.subnetsim.replica.wasm.WasmTestbed.text;
import static dev.subnetsim.replica.wasm.WasmTestbed.u64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.replica.execution.CanisterState;
import dev.subnetsim.replica.execution.ExecutionResult;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class WasmUpgradeAndLoadingTest {
  private static final CanisterModule V1 = WasmTestbed.module("stable_v1");
  private static final CanisterModule V2 = WasmTestbed.module("stable_v2");
  private static final CanisterModule COUNTER = WasmTestbed.module("counter");

  private static CanisterUpgrade.Result upgrade(WasmTestbed bed, long index, CanisterModule to) {
    bed.register(to);
    CanisterUpgrade.Result r = CanisterUpgrade.upgrade(bed.env(), bed.canister(index),
        to.programName(), WasmTestbed.USER, new byte[0], WasmTestbed.TIME, WasmTestbed.SEED);
    bed.canisters.put(r.canister().id(), r.canister());
    return r;
  }

  @Test
  void anUpgradeKeepsStableMemoryAndStartsTheNewModulesHeapAfresh() {
    WasmTestbed bed = new WasmTestbed(WasmLimits.defaults());
    bed.install(1, V1, new byte[0]);
    for (int i = 0; i < 3; i++) {
      bed.update(1, "inc", new byte[0]);
    }
    assertThat(text(bed.query(1, "version"))).isEqualTo("v1");
    CanisterUpgrade.Result r = upgrade(bed, 1, V2);
    assertThat(r.succeeded()).isTrue();
    assertThat(bed.canister(1).program()).isEqualTo(V2.programName());
    assertThat(text(bed.query(1, "version"))).isEqualTo("v2");
    assertThat(u64(replied(bed.query(1, "get")))).isEqualTo(3);
    assertThat(u64(replied(bed.update(1, "inc", new byte[0])))).isEqualTo(4);
    // install, three incs, pre_upgrade, post_upgrade and the last inc each made a new version
    assertThat(u64(replied(bed.query(1, "canister_version")))).isEqualTo(7);
  }

  @Test
  void anUpgradeWhosePostUpgradeTrapsLeavesTheCanisterAsItWas() {
    WasmTestbed bed = new WasmTestbed(WasmLimits.defaults());
    bed.install(1, COUNTER, new byte[0]);
    bed.update(1, "inc", new byte[0]);
    CanisterState before = bed.canister(1);
    byte[] hash = before.stableMemoryHash();
    CanisterUpgrade.Result r = upgrade(bed, 1, V2); // counter keeps no stable memory: v2 traps
    assertThat(r.succeeded()).isFalse();
    assertThat(r.outcome()).isInstanceOf(ExecutionResult.Rejected.class);
    assertThat(bed.canister(1)).isSameAs(before);
    assertThat(before.stableMemoryHash()).isEqualTo(hash);
    assertThat(u64(replied(bed.query(1, "get")))).isEqualTo(1);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = WasmUpgradeAndLoadingTest.class.getResourceAsStream("/wasm/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void aMemory64ModuleIsRefusedWithTheReason() throws IOException {
    byte[] bytes = resource("memory64.wasm");
    assertThatThrownBy(() -> CanisterModule.load("memory64.wasm", bytes, WasmLimits.defaults()))
        .isInstanceOf(WasmLoadException.class)
        .hasMessageStartingWith("memory64.wasm: declares a 64-bit memory (memory64)");
  }

  @Test
  void anImportOutsideTheSystemApiIsRefusedByName() throws IOException {
    byte[] bytes = resource("bad_import.wasm");
    assertThatThrownBy(() -> CanisterModule.load("bad_import.wasm", bytes, WasmLimits.defaults()))
        .hasMessage("bad_import.wasm: imports ic0.launch_missiles, which is not in the system API"
            + " this runtime offers");
  }

  @Test
  void anEntryPointWithParametersIsRefused() throws IOException {
    byte[] bytes = resource("bad_entry.wasm");
    assertThatThrownBy(() -> CanisterModule.load("bad_entry.wasm", bytes, WasmLimits.defaults()))
        .hasMessageStartingWith("bad_entry.wasm: entry point 'canister_update f' has type")
        .hasMessageEndingWith("entry points take and return nothing");
  }

  @Test
  void bytesThatAreNotWasmAreRefused() {
    assertThatThrownBy(() -> CanisterModule.load("x.wasm", new byte[] {0, 'a', 's', 'm', 9, 9},
        WasmLimits.defaults())).isInstanceOf(WasmLoadException.class)
        .hasMessageStartingWith("x.wasm: not a valid Wasm module");
  }

  @Test
  void aModuleIsKnownByTheHashOfItsBytes() {
    assertThat(COUNTER.programName()).startsWith("wasm:").hasSize(5 + 64);
    assertThat(COUNTER.programName()).isNotEqualTo(V1.programName());
    assertThat(COUNTER.exportedFunctions()).contains("canister_update inc", "canister_query get");
    WasmTestbed bed = new WasmTestbed(WasmLimits.defaults());
    bed.install(1, COUNTER, new byte[0]);
    assertThat(bed.canister(1).moduleHash()).isEqualTo(COUNTER.hash());
  }
}
