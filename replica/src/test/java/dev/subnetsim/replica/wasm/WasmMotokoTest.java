package dev.subnetsim.replica.wasm;

import static dev.subnetsim.replica.wasm.WasmTestbed.replied;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.replica.execution.ExecutionResult;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A canister compiled by moc 3.9.1 (npm motoko), with Candid arguments and a stable variable. */
class WasmMotokoTest {
  private static final CanisterModule COUNTER = WasmTestbed.module("mo_counter");
  /** Candid: no arguments. */
  private static final byte[] NO_ARGS = HexFormat.of().parseHex("4449444c0000");

  /** Candid: one Nat (type 0x7d) of value {@code n} < 128. */
  private static byte[] nat(int n) {
    return HexFormat.of().parseHex("4449444c00017d" + String.format("%02x", n));
  }

  @Test
  void aMotokoCounterAnswersInCandidAndKeepsItsStableVariableAcrossAnUpgrade() {
    WasmTestbed bed = new WasmTestbed(WasmLimits.defaults());
    assertThat(bed.install(1, COUNTER, NO_ARGS).outcome())
        .isInstanceOf(ExecutionResult.Replied.class);
    for (int i = 1; i <= 3; i++) {
      assertThat(replied(bed.update(1, "inc", NO_ARGS))).isEqualTo(nat(i));
    }
    assertThat(replied(bed.env().execute(bed.canister(1), dev.subnetsim.replica.execution
        .CanisterCall.query(bed.canister(1).id(), WasmTestbed.USER, "get", NO_ARGS),
        WasmTestbed.TIME, WasmTestbed.SEED))).isEqualTo(nat(3));
    CanisterUpgrade.Result r = CanisterUpgrade.upgrade(bed.env(), bed.canister(1),
        COUNTER.programName(), WasmTestbed.USER, NO_ARGS, WasmTestbed.TIME, WasmTestbed.SEED);
    assertThat(r.succeeded()).as("%s", r.outcome()).isTrue();
    bed.canisters.put(r.canister().id(), r.canister());
    assertThat(replied(bed.update(1, "inc", NO_ARGS))).isEqualTo(nat(4));
  }
}
