package dev.subnetsim.replica.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.replica.canisters.KeyValueCanister;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecutionEnvironmentTest {

  private static final byte[] USER = "user".getBytes(StandardCharsets.UTF_8);
  private static final CanisterId KV = new CanisterId(1);
  private static final byte[] BEACON = new byte[32];

  /** A test program exercising calls, the random tape and the instruction limit. */
  static final class Probe implements CanisterProgram {
    @Override
    public void update(String method, Env env) {
      switch (method) {
        case "burn" -> {
          env.memory(0).grow(1);
          env.memory(0).write(0, new byte[] {1, 2, 3});
          env.charge(Long.MAX_VALUE / 2);
        }
        case "random" -> env.reply(env.randomBytes(16));
        case "call_kv" -> env.call(KV, "increment", new byte[0], "on_reply", "on_reject",
            "ctx".getBytes(StandardCharsets.UTF_8));
        case "call_then_trap" -> {
          env.call(KV, "increment", new byte[0], "on_reply", "on_reject", new byte[0]);
          env.trap("after call");
        }
        case "on_reply" -> env.reply(env.callbackContext());
        case "npe" -> {
          String s = null;
          env.reply(s.getBytes(StandardCharsets.UTF_8));
        }
        case "silent" -> { }
        default -> env.reject("unknown");
      }
    }
  }

  private ExecutionEnvironment exec;
  private CanisterState kv;
  private CanisterState probe;

  @BeforeEach
  void install() {
    exec = new ExecutionEnvironment(
        Map.of(KeyValueCanister.NAME, new KeyValueCanister(), "probe", new Probe()),
        CostModel.icApplicationSubnet());
    kv = new CanisterState(KV, KeyValueCanister.NAME, 10_000_000_000L);
    probe = new CanisterState(new CanisterId(2), "probe", 10_000_000_000L);
    run(kv, new CanisterCall(CanisterCall.Kind.INIT, KV, USER, "", new byte[0], new byte[0]));
  }

  private ExecutionResult run(CanisterState c, CanisterCall call) {
    return exec.execute(c, call, 1_000L, BEACON);
  }

  private ExecutionResult update(CanisterState c, String method, String arg) {
    return run(c, CanisterCall.update(c.id(), USER, method, arg.getBytes(StandardCharsets.UTF_8)));
  }

  private ExecutionResult query(CanisterState c, String method, String arg) {
    return run(c, CanisterCall.query(c.id(), USER, method, arg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void updatesPersistInStableMemoryAndQueriesReadThem() {
    assertThat(update(kv, "put", "a=1").outcome()).isInstanceOf(ExecutionResult.Replied.class);
    ExecutionResult r = query(kv, "get", "a");
    assertThat(((ExecutionResult.Replied) r.outcome()).data()).isEqualTo("1".getBytes(StandardCharsets.UTF_8));
    assertThat(kv.certifiedData()).hasSize(32);
  }

  @Test
  void aTrappedMessageLeavesNoStateChange() {
    update(kv, "put", "a=1");
    byte[] hashBefore = kv.stableMemoryHash();
    byte[] certifiedBefore = kv.certifiedData();
    ExecutionResult r = update(kv, "put_then_trap", "b=2");
    assertThat(r.outcome()).isInstanceOfSatisfying(ExecutionResult.Rejected.class, rej -> {
      assertThat(rej.code()).isEqualTo(5);
      assertThat(rej.message()).contains("deliberate trap");
    });
    assertThat(kv.stableMemoryHash()).isEqualTo(hashBefore);
    assertThat(kv.certifiedData()).isEqualTo(certifiedBefore);
    assertThat(query(kv, "get", "b").outcome()).isInstanceOf(ExecutionResult.Rejected.class);
    assertThat(r.cyclesCharged()).isPositive();
  }

  @Test
  void exceedingTheInstructionLimitTrapsAndRollsBackGrowth() {
    ExecutionResult r = update(probe, "burn", "");
    assertThat(((ExecutionResult.Rejected) r.outcome()).message()).contains("instruction limit");
    assertThat(probe.stableMemoryHash()).isEqualTo(
        new CanisterState(new CanisterId(9), "probe", 0).stableMemoryHash());
  }

  @Test
  void anExceptionInTheProgramIsATrap() {
    assertThat(((ExecutionResult.Rejected) update(probe, "npe", "").outcome()).message())
        .contains("trapped").contains("NullPointerException");
  }

  @Test
  void returningWithoutAReplyIsATrap() {
    assertThat(((ExecutionResult.Rejected) update(probe, "silent", "").outcome()).message())
        .contains("without replying");
  }

  @Test
  void queriesDoNotPersistChanges() {
    byte[] before = kv.stableMemoryHash();
    query(kv, "counter", "");
    assertThat(kv.stableMemoryHash()).isEqualTo(before);
  }

  @Test
  void counterIncrementsAcrossMessages() {
    update(kv, "increment", "");
    ExecutionResult r = update(kv, "increment", "");
    assertThat(ByteBuffer.wrap(((ExecutionResult.Replied) r.outcome()).data()).getLong()).isEqualTo(2);
  }

  @Test
  void callsAreEmittedWithTheirCallbacksAndDroppedOnTrap() {
    ExecutionResult r = update(probe, "call_kv", "");
    assertThat(r.outcome()).isInstanceOf(ExecutionResult.Pending.class);
    assertThat(r.calls()).singleElement().satisfies(c -> {
      assertThat(c.target()).isEqualTo(KV);
      assertThat(c.replyMethod()).isEqualTo("on_reply");
    });
    assertThat(update(probe, "call_then_trap", "").calls()).isEmpty();
    ExecutionResult callback = run(probe, new CanisterCall(CanisterCall.Kind.REPLY_CALLBACK,
        probe.id(), KV.toBytes(), "on_reply", new byte[8], "ctx".getBytes(StandardCharsets.UTF_8)));
    assertThat(((ExecutionResult.Replied) callback.outcome()).data())
        .isEqualTo("ctx".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theRandomTapeIsDeterministicInTheBeaconAndDiffersAcrossBeacons() {
    byte[] a = ((ExecutionResult.Replied) update(probe, "random", "").outcome()).data();
    byte[] b = ((ExecutionResult.Replied) update(probe, "random", "").outcome()).data();
    assertThat(a).isEqualTo(b);
    byte[] other = new byte[32];
    other[0] = 1;
    byte[] c = ((ExecutionResult.Replied) exec.execute(probe,
        CanisterCall.update(probe.id(), USER, "random", new byte[0]), 1_000L, other).outcome()).data();
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void cyclesAreChargedByTheCostModelAndAnEmptyCanisterIsRefused() {
    long before = kv.cycles();
    ExecutionResult r = update(kv, "put", "k=v");
    assertThat(r.cyclesCharged()).isEqualTo(CostModel.icApplicationSubnet().cyclesFor(r.instructions()));
    assertThat(kv.cycles()).isEqualTo(before - r.cyclesCharged());
    CanisterState poor = new CanisterState(new CanisterId(3), KeyValueCanister.NAME, 10);
    assertThat(((ExecutionResult.Rejected) update(poor, "increment", "").outcome()).message())
        .contains("out of cycles");
  }

  @Test
  void canisterIdsHaveTheIcOpaquePrincipalForm() {
    assertThat(new CanisterId(1).toBytes())
        .isEqualTo(new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 1});
    assertThat(CanisterId.fromBytes(new CanisterId(77).toBytes())).isEqualTo(new CanisterId(77));
  }
}
