package dev.subnetsim.replica.canisters;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterProgram;
import dev.subnetsim.replica.execution.Env;
import dev.subnetsim.replica.execution.stable.StableBTreeMap;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Example canister 4, a Bitcoin-style wallet: each user's key is derived by path [caller] from the
 * subnet's threshold key; it hands out the user's public key and signs transaction hashes with
 * threshold ECDSA (secp256k1) or BIP340 Schnorr, recording every signed transaction in stable
 * memory.
 *
 * <p>Methods: update {@code public_key} [algorithm: "ecdsa" | "bip340"] (reply: [SEC1 key, chain
 * code]); update {@code sign} [algorithm, 32-byte hash] (reply: the signature, 64 B); query
 * {@code signed} (reply: the number of signed transactions, u64).
 */
public final class WalletCanister implements CanisterProgram {
  public static final String NAME = "wallet";
  private static final String KEY = "key_1";

  private static StableBTreeMap log(Env env) {
    return StableBTreeMap.init(env.memory(0), 8, 128);
  }

  @Override
  public void update(String method, Env env) {
    switch (method) {
      case "public_key" -> {
        String alg = new String(Fields.decode(env.arg(), 1).get(0), StandardCharsets.UTF_8);
        List<byte[]> path = List.of(env.caller());
        byte[] req = alg.equals("bip340")
            ? new ManagementRequest.SchnorrPublicKey("bip340", path, KEY).encode()
            : new ManagementRequest.EcdsaPublicKey("secp256k1", path, KEY).encode();
        env.call(CanisterId.MANAGEMENT, alg.equals("bip340") ? "schnorr_public_key"
            : "ecdsa_public_key", req, "on_public_key", "on_error", new byte[0]);
      }
      case "sign" -> {
        List<byte[]> f = Fields.decode(env.arg(), 2);
        String alg = new String(f.get(0), StandardCharsets.UTF_8);
        if (f.get(1).length != 32) {
          env.reject("a transaction hash has 32 bytes, got " + f.get(1).length);
          return;
        }
        List<byte[]> path = List.of(env.caller());
        if (alg.equals("bip340")) {
          env.call(CanisterId.MANAGEMENT, "sign_with_schnorr", new ManagementRequest
              .SignWithSchnorr("bip340", f.get(1), path, Optional.empty(), KEY).encode(),
              "on_signature", "on_error", f.get(1));
        } else {
          env.call(CanisterId.MANAGEMENT, "sign_with_ecdsa", new ManagementRequest
              .SignWithEcdsa("secp256k1", f.get(1), path, KEY).encode(), "on_signature",
              "on_error", f.get(1));
        }
      }
      case "on_public_key" -> {
        var k = ManagementReply.PublicKey.decode(env.arg());
        env.reply(Fields.encode(k.publicKey(), k.chainCode()));
      }
      case "on_signature" -> {
        byte[] sig = ManagementReply.Signature.decode(env.arg()).signature();
        StableBTreeMap log = log(env);
        log.insert(new BigEndianWriter(8).u64(log.size()).toBytes(),
            Fields.encode(env.callbackContext(), sig));
        env.reply(sig);
      }
      case "on_error" -> env.reject(new String(env.arg(), StandardCharsets.UTF_8));
      default -> env.reject("no update method '" + method + "'");
    }
  }

  @Override
  public void query(String method, Env env) {
    if (method.equals("signed")) {
      env.reply(new BigEndianWriter(8).u64(log(env).size()).toBytes());
    } else {
      env.reject("no query method '" + method + "'");
    }
  }
}
