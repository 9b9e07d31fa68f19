package dev.subnetsim.replica.canisters;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterProgram;
import dev.subnetsim.replica.execution.Env;
import dev.subnetsim.replica.execution.stable.StableBTreeMap;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import java.nio.charset.StandardCharsets;
import dev.subnetsim.replica.candid.CandidType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Example canister 4, a Bitcoin-style wallet: each user's key is derived by path [caller] from the
 * subnet's threshold key; it hands out the user's public key and signs transaction hashes with
 * threshold ECDSA (secp256k1) or BIP340 Schnorr, recording every signed transaction in stable
 * memory.
 *
 * <p>Methods: update {@code public_key} [algorithm: "ecdsa" | "bip340"] (reply: [SEC1 key, chain
 * code]); update {@code sign} [algorithm, 32-byte hash] (reply: the signature, 64 B); query
 * {@code signed} (reply: the number of signed transactions, u64). In Candid ({@code wallet.did}),
 * its management calls are Candid too, as on the IC.
 */
public final class WalletCanister implements CanisterProgram {
  public static final String NAME = "wallet";
  private static final String KEY = "key_1";
  private static final CandidType ALGORITHM = CandidType.enumeration("ecdsa", "bip340");
  private static final CandidType PUBLIC_KEY = CandidType.record(
      CandidType.field("public_key", CandidType.BLOB), CandidType.field("chain_code",
          CandidType.BLOB));

  private static StableBTreeMap log(Env env) {
    return StableBTreeMap.init(env.memory(0), 8, 128);
  }

  @Override
  public void update(String method, Env env) {
    boolean candid = env.argIsCandid();
    switch (method) {
      case "public_key" -> {
        String alg = candid ? CandidArgs.tag(CandidArgs.decode(env, ALGORITHM).get(0))
            : new String(Fields.decode(env.arg(), 1).get(0), StandardCharsets.UTF_8);
        List<byte[]> path = List.of(env.caller());
        ManagementRequest req = alg.equals("bip340")
            ? new ManagementRequest.SchnorrPublicKey("bip340", path, KEY)
            : new ManagementRequest.EcdsaPublicKey("secp256k1", path, KEY);
        env.call(CanisterId.MANAGEMENT, req.method(), req.encode(candid), "on_public_key",
            "on_error", new byte[0]);
      }
      case "sign" -> {
        String alg;
        byte[] hash;
        if (candid) {
          List<Object> a = CandidArgs.decode(env, ALGORITHM, CandidType.BLOB);
          alg = CandidArgs.tag(a.get(0));
          hash = (byte[]) a.get(1);
        } else {
          List<byte[]> f = Fields.decode(env.arg(), 2);
          alg = new String(f.get(0), StandardCharsets.UTF_8);
          hash = f.get(1);
        }
        if (hash.length != 32) {
          env.reject("a transaction hash has 32 bytes, got " + hash.length);
          return;
        }
        List<byte[]> path = List.of(env.caller());
        ManagementRequest req = alg.equals("bip340")
            ? new ManagementRequest.SignWithSchnorr("bip340", hash, path, Optional.empty(), KEY)
            : new ManagementRequest.SignWithEcdsa("secp256k1", hash, path, KEY);
        env.call(CanisterId.MANAGEMENT, req.method(), req.encode(candid), "on_signature",
            "on_error", hash);
      }
      case "on_public_key" -> {
        var k = ManagementReply.PublicKey.decode(env.arg());
        if (candid) {
          CandidArgs.reply(env, List.of(PUBLIC_KEY), Map.of("public_key", k.publicKey(),
              "chain_code", k.chainCode()));
        } else {
          env.reply(Fields.encode(k.publicKey(), k.chainCode()));
        }
      }
      case "on_signature" -> {
        byte[] sig = ManagementReply.Signature.decode(env.arg()).signature();
        StableBTreeMap log = log(env);
        log.insert(new BigEndianWriter(8).u64(log.size()).toBytes(),
            Fields.encode(env.callbackContext(), sig));
        if (candid) {
          CandidArgs.reply(env, List.of(CandidType.BLOB), (Object) sig);
        } else {
          env.reply(sig);
        }
      }
      case "on_error" -> env.reject(new String(env.arg(), StandardCharsets.UTF_8));
      default -> env.reject("no update method '" + method + "'");
    }
  }

  @Override
  public void query(String method, Env env) {
    if (method.equals("signed") && env.argIsCandid()) {
      CandidArgs.decode(env);
      CandidArgs.reply(env, List.of(CandidType.NAT64), log(env).size());
    } else if (method.equals("signed")) {
      env.reply(new BigEndianWriter(8).u64(log(env).size()).toBytes());
    } else {
      env.reject("no query method '" + method + "'");
    }
  }
}
