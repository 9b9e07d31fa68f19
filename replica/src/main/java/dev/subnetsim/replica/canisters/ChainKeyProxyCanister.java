package dev.subnetsim.replica.canisters;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.replica.candid.Candid;
import dev.subnetsim.replica.candid.CandidType;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterProgram;
import dev.subnetsim.replica.execution.Env;
import java.nio.charset.StandardCharsets;
import dev.subnetsim.replica.management.InvalidManagementArgsException;
import dev.subnetsim.replica.management.ManagementRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The load canister for chain-key workloads: update {@code call} with argument
 * {@code u32 len || management method (UTF-8) || argument} forwards the call to the management
 * canister and replies with its reply (or rejects with its reject message). It keeps a counter of
 * answered calls in stable memory, so its state changes with every reply like a real client
 * canister's would.
 *
 * <p>It forwards only its own canister's requests: the chain-key methods of {@link #FORWARDED},
 * whose keys the replicas derive for the caller (this canister), so nothing it relays touches
 * another canister's keys. For document-key shadows it first registers the document's key with
 * itself as the permission canister (document_key_store), so a fresh key is its own; then it asks
 * for shadows as itself. A key another canister registered stays that canister's (the
 * registration is refused), and then it asks as itself too: the key holders serve it only if that
 * canister's permission program allows it when they ask. Any other refused registration is its
 * reply, as before.
 *
 * <p>In Candid ({@code chainkey-proxy.did}): {@code call : (text, blob) -> (blob)}, the management
 * method, its argument (Candid per {@code management.did}, for a Candid reply) and the reply.
 */
public final class ChainKeyProxyCanister implements CanisterProgram {
  public static final String NAME = "chainkey-proxy";
  /** The management methods it relays (all act on this canister's own derived keys). */
  public static final Set<String> FORWARDED = Set.of("vetkd_public_key", "vetkd_derive_key",
      "ecdsa_public_key", "sign_with_ecdsa", "schnorr_public_key", "sign_with_schnorr",
      "ecdh_public_key", "ecdh_derive", "document_key_server_key", "document_key_shadows");

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
        if (env.argIsCandid()) {
          List<Object> a = CandidArgs.decode(env, CandidType.TEXT, CandidType.BLOB);
          if (!Candid.isCandid((byte[]) a.get(1))) {
            env.reject("call: in Candid the management argument is Candid too (management.did)");
            return;
          }
          relay(env, (String) a.get(0), (byte[]) a.get(1));
          return;
        }
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
        relay(env, new String(arg, 4, len, StandardCharsets.UTF_8),
            Arrays.copyOfRange(arg, 4 + len, arg.length));
      }
      case "on_registered" -> env.call(CanisterId.MANAGEMENT, "document_key_shadows",
          env.callbackContext(), "on_reply", "on_reject", new byte[0]);
      case "on_reply" -> {
        count(env);
        if (env.argIsCandid()) {
          CandidArgs.reply(env, List.of(CandidType.BLOB), (Object) env.arg());
        } else {
          env.reply(env.arg());
        }
      }
      case "on_reject" -> {
        String why = new String(env.arg(), StandardCharsets.UTF_8);
        // Only the registration's callback holds a context (the shadows request): for another
        // canister's document, ask as this canister; the key holders ask that canister's program.
        if (env.callbackContext().length > 0
            && why.endsWith(ManagementRequest.DocumentKeyStore.GUARDED_BY_ANOTHER)) {
          env.call(CanisterId.MANAGEMENT, "document_key_shadows", env.callbackContext(),
              "on_reply", "on_reject", new byte[0]);
          return;
        }
        count(env);
        env.reject(why);
      }
      default -> env.reject("no update method '" + method + "'");
    }
  }

  /** Forwards {@code target}(managementArg) to the management canister. */
  private static void relay(Env env, String target, byte[] managementArg) {
    if (!FORWARDED.contains(target)) {
      env.reject("call: " + target + " is not a method this proxy relays");
      return;
    }
    if (target.equals("document_key_shadows")) {
      registerThenAsk(env, managementArg);
      return;
    }
    env.call(CanisterId.MANAGEMENT, target, managementArg, "on_reply", "on_reject", new byte[0]);
  }

  /** Registers the document's common point with this canister as its guard, then asks for shadows. */
  private static void registerThenAsk(Env env, byte[] shadowsArg) {
    ManagementRequest.DocumentKeyShadows d;
    try {
      d = (ManagementRequest.DocumentKeyShadows) ManagementRequest.decode("document_key_shadows",
          shadowsArg);
    } catch (InvalidManagementArgsException e) {
      env.reject("call: " + e.getMessage());
      return;
    }
    env.call(CanisterId.MANAGEMENT, "document_key_store", new ManagementRequest.DocumentKeyStore(
        d.commonPoint(), env.self().toBytes(), d.keyName()).encode(Candid.isCandid(shadowsArg)),
        "on_registered", "on_reject",
        shadowsArg);
  }

  private static void count(Env env) {
    byte[] c = new byte[8];
    env.memory(0).read(0, c);
    long calls = new BigEndianReader(c, "call counter").i64("calls");
    env.memory(0).write(0, new BigEndianWriter(8).u64(calls + 1).toBytes());
  }
}
