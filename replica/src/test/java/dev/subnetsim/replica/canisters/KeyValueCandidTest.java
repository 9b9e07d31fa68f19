package dev.subnetsim.replica.canisters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.replica.candid.Candid;
import dev.subnetsim.replica.candid.CandidType;
import dev.subnetsim.replica.execution.CanisterCall;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterState;
import dev.subnetsim.replica.execution.CostModel;
import dev.subnetsim.replica.execution.ExecutionEnvironment;
import dev.subnetsim.replica.execution.ExecutionResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counter canister's Candid interface (counter.did), next to its plain-bytes one. */
class KeyValueCandidTest {
  private static final CanisterId KV = new CanisterId(1);
  private static final byte[] USER = {1, 2, 3};
  private static final byte[] EMPTY = Candid.encode(List.of(), List.of());

  private ExecutionEnvironment exec;
  private CanisterState kv;

  @BeforeEach
  void install() {
    exec = new ExecutionEnvironment(Map.of(KeyValueCanister.NAME, new KeyValueCanister()),
        CostModel.icApplicationSubnet());
    kv = new CanisterState(KV, KeyValueCanister.NAME, 10_000_000_000L);
    run(new CanisterCall(CanisterCall.Kind.INIT, KV, USER, "", new byte[0], new byte[0]));
  }

  private ExecutionResult run(CanisterCall call) {
    return exec.execute(kv, call, 1_000L, new byte[32]);
  }

  private byte[] replied(ExecutionResult r) {
    assertThat(r.outcome()).isInstanceOf(ExecutionResult.Replied.class);
    return ((ExecutionResult.Replied) r.outcome()).data();
  }

  @Test
  void candidCallsGetCandidRepliesPerTheDidFile() {
    byte[] one = replied(run(CanisterCall.update(KV, USER, "increment", EMPTY)));
    assertThat(Candid.decode(one, List.of(CandidType.NAT64))).containsExactly(1L);
    byte[] put = Candid.encode(List.of(CandidType.TEXT, CandidType.TEXT), List.of("k", "v"));
    assertThat(replied(run(CanisterCall.update(KV, USER, "put", put)))).isEqualTo(EMPTY);
    byte[] get = Candid.encode(List.of(CandidType.TEXT), List.of("k"));
    assertThat(Candid.decode(replied(run(CanisterCall.query(KV, USER, "get", get))),
        List.of(CandidType.opt(CandidType.TEXT)))).containsExactly(Optional.of("v"));
    byte[] missing = Candid.encode(List.of(CandidType.TEXT), List.of("nope"));
    assertThat(Candid.decode(replied(run(CanisterCall.query(KV, USER, "get", missing))),
        List.of(CandidType.opt(CandidType.TEXT)))).containsExactly(Optional.empty());
    assertThat(Candid.decode(replied(run(CanisterCall.query(KV, USER, "counter", EMPTY))),
        List.of(CandidType.NAT64))).containsExactly(1L);
    // The plain-bytes interface sees the same state.
    assertThat(replied(run(CanisterCall.query(KV, USER, "get",
        "k".getBytes(StandardCharsets.UTF_8))))).isEqualTo("v".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void badCandidArgumentsTrapAndChangeNothing() {
    byte[] wrongType = Candid.encode(List.of(CandidType.NAT64), List.of(5L));
    ExecutionResult r = run(CanisterCall.update(KV, USER, "put", wrongType));
    assertThat(r.outcome()).isInstanceOfSatisfying(ExecutionResult.Rejected.class,
        rej -> assertThat(rej.message()).contains("Candid argument"));
    byte[] truncated = {'D', 'I', 'D', 'L', 0, 1, 0x71, 9, 'x'};
    assertThat(run(CanisterCall.update(KV, USER, "put", truncated)).outcome())
        .isInstanceOf(ExecutionResult.Rejected.class);
    assertThat(Candid.decode(replied(run(CanisterCall.query(KV, USER, "counter", EMPTY))),
        List.of(CandidType.NAT64))).containsExactly(0L);
  }
}
