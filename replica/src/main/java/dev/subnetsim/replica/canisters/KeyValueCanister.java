package dev.subnetsim.replica.canisters;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.replica.execution.CanisterProgram;
import dev.subnetsim.replica.execution.Env;
import dev.subnetsim.replica.execution.stable.StableBTreeMap;
import dev.subnetsim.replica.candid.Candid;
import dev.subnetsim.replica.candid.CandidType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Example canister 6: a counter and key-value store for load. State lives in a StableBTreeMap in
 * stable memory 0; the certified data is SHA-256 of the last written key and value, so clients can
 * check a write through a certificate.
 *
 * <p>Methods (argument as UTF-8): update {@code put} "key=value", update {@code increment}, update
 * {@code put_then_trap} "key=value" (writes, then traps: the write must not survive), query
 * {@code get} "key", query {@code counter}.
 *
 * <p>An argument in Candid (it starts with {@code DIDL}, as every Candid message does) is answered
 * in Candid, per {@code counter.did}: {@code increment : () -> (nat64)},
 * {@code put : (text, text) -> ()}, {@code counter : () -> (nat64) query},
 * {@code get : (text) -> (opt text) query}, so IC clients (agent-js) can call it.
 */
public final class KeyValueCanister implements CanisterProgram {
  public static final String NAME = "counter";
  private static final byte[] COUNTER_KEY = {0};
  private static final int MAX_KEY = 64;
  private static final int MAX_VALUE = 256;

  private static StableBTreeMap map(Env env) {
    return StableBTreeMap.init(env.memory(0), MAX_KEY, MAX_VALUE);
  }

  @Override
  public void init(Env env) {
    map(env).insert(COUNTER_KEY, longBytes(0));
  }

  @Override
  public void update(String method, Env env) {
    if (env.argIsCandid()) {
      candidUpdate(method, env);
      return;
    }
    switch (method) {
      case "put" -> {
        String[] kv = keyValue(env);
        put(env, kv[0], kv[1]);
        env.reply(new byte[0]);
      }
      case "put_then_trap" -> {
        String[] kv = keyValue(env);
        put(env, kv[0], kv[1]);
        env.trap("deliberate trap after writing " + kv[0]);
      }
      case "increment" -> {
        StableBTreeMap map = map(env);
        long next = toLong(map.get(COUNTER_KEY)) + 1;
        map.insert(COUNTER_KEY, longBytes(next));
        env.reply(longBytes(next));
      }
      default -> env.reject("no update method '" + method + "'");
    }
  }

  @Override
  public void query(String method, Env env) {
    if (env.argIsCandid()) {
      candidQuery(method, env);
      return;
    }
    switch (method) {
      case "get" -> {
        byte[] v = map(env).get(("k:" + new String(env.arg(), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
        if (v == null) {
          env.reject("no such key");
        } else {
          env.reply(v);
        }
      }
      case "counter" -> env.reply(map(env).get(COUNTER_KEY));
      default -> env.reject("no query method '" + method + "'");
    }
  }

  private static void candidUpdate(String method, Env env) {
    switch (method) {
      case "put" -> {
        List<Object> kv = CandidArgs.decode(env, CandidType.TEXT, CandidType.TEXT);
        if (put(env, (String) kv.get(0), (String) kv.get(1))) {
          env.reply(Candid.encode(List.of(), List.of()));
        }
      }
      case "increment" -> {
        CandidArgs.decode(env);
        StableBTreeMap map = map(env);
        long next = toLong(map.get(COUNTER_KEY)) + 1;
        map.insert(COUNTER_KEY, longBytes(next));
        env.reply(Candid.encode(List.of(CandidType.NAT64), List.of(next)));
      }
      default -> env.reject("no update method '" + method + "'");
    }
  }

  private static void candidQuery(String method, Env env) {
    switch (method) {
      case "get" -> {
        String key = (String) CandidArgs.decode(env, CandidType.TEXT).get(0);
        byte[] v = map(env).get(("k:" + key).getBytes(StandardCharsets.UTF_8));
        env.reply(Candid.encode(List.of(CandidType.opt(CandidType.TEXT)), List.of(
            Optional.ofNullable(v).map(b -> new String(b, StandardCharsets.UTF_8)))));
      }
      case "counter" -> {
        CandidArgs.decode(env);
        env.reply(Candid.encode(List.of(CandidType.NAT64),
            List.of(toLong(map(env).get(COUNTER_KEY)))));
      }
      default -> env.reject("no query method '" + method + "'");
    }
  }

  /** Writes key = value; false if it rejected the call (key or value too long). */
  private static boolean put(Env env, String key, String value) {
    byte[] k = ("k:" + key).getBytes(StandardCharsets.UTF_8);
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    if (k.length > MAX_KEY || v.length > MAX_VALUE) {
      env.reject("key or value too long");
      return false;
    }
    map(env).insert(k, v);
    env.charge(100L * (k.length + v.length));
    env.setCertifiedData(sha256(k, v));
    return true;
  }

  private static String[] keyValue(Env env) {
    String text = new String(env.arg(), StandardCharsets.UTF_8);
    int eq = text.indexOf('=');
    if (eq <= 0) {
      env.trap("expected key=value, got '" + text + "'");
    }
    return new String[] {text.substring(0, eq), text.substring(eq + 1)};
  }

  private static byte[] sha256(byte[] a, byte[] b) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(a);
      d.update(b);
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] longBytes(long v) {
    return new BigEndianWriter(8).u64(v).toBytes();
  }

  static long toLong(byte[] b) {
    return new BigEndianReader(b, "counter").i64("value");
  }
}
