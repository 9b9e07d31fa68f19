package dev.subnetsim.replica.canisters;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterProgram;
import dev.subnetsim.replica.execution.Env;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The load canister for chain-key workloads: update {@code call} with argument
 * {@code u32 len || management method (UTF-8) || argument} forwards the call to the management
 * canister and replies with its reply (or rejects with its reject message). It keeps a counter of
 * answered calls in stable memory, so its state changes with every reply like a real client
 * canister's would.
 */
public final class ChainKeyProxyCanister implements CanisterProgram {
  public static final String NAME = "chainkey-proxy";

  /** The argument of {@code call} for a management method and its CBOR argument. */
  public static byte[] callArg(String method, byte[] managementArg) {
    byte[] m = method.getBytes(StandardCharsets.UTF_8);
    return new BigEndianWriter(4 + m.length + managementArg.length).lengthPrefixed(m)
        .raw(managementArg).toBytes();
  }

  @Override
  public void init(Env env) {
    env.memory(0).grow(1);
  }

  @Override
  public void update(String method, Env env) {
    switch (method) {
      case "call" -> {
        byte[] arg = env.arg();
        if (arg.length < 4) {
          env.reject("call: argument shorter than its method length");
          return;
        }
        int len = new BigEndianReader(arg, "call argument").i32("method length");
        if (len < 0 || len > arg.length - 4) {
          env.reject("call: method length " + len + " overruns the argument");
          return;
        }
        String target = new String(arg, 4, len, StandardCharsets.UTF_8);
        env.call(CanisterId.MANAGEMENT, target, Arrays.copyOfRange(arg, 4 + len, arg.length),
            "on_reply", "on_reject", new byte[0]);
      }
      case "on_reply" -> {
        count(env);
        env.reply(env.arg());
      }
      case "on_reject" -> {
        count(env);
        env.reject(new String(env.arg(), StandardCharsets.UTF_8));
      }
      default -> env.reject("no update method '" + method + "'");
    }
  }

  private static void count(Env env) {
    byte[] c = new byte[8];
    env.memory(0).read(0, c);
    long calls = new BigEndianReader(c, "call counter").i64("calls");
    env.memory(0).write(0, new BigEndianWriter(8).u64(calls + 1).toBytes());
  }
}
