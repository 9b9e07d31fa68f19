package dev.subnetsim.replica.canisters;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.replica.candid.CandidType;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterProgram;
import dev.subnetsim.replica.execution.Env;
import dev.subnetsim.replica.execution.stable.StableBTreeMap;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Example canister 2, encrypted notes on vetKD (after dfinity/vetkeys' encrypted-notes example):
 * each user's notes are encrypted by the user's client under a key derived from the user's vetKey
 * (input = the caller's principal, context "notes"), so the canister and the replicas only ever
 * hold ciphertexts, and no other caller can obtain that vetKey.
 *
 * <p>Methods: update {@code public_key} (reply: the canister's derived vetKD public key, 96 B);
 * update {@code encrypted_key} with [transport public key] (reply: the caller's encrypted vetKey,
 * 192 B); update {@code store} with [ciphertext] (reply: the note's number, u64); query
 * {@code notes} (reply: the caller's ciphertexts as fields). In Candid ({@code encrypted-notes.did})
 * its vetKD calls are Candid too, as on the IC.
 */
public final class EncryptedNotesCanister implements CanisterProgram {
  public static final String NAME = "encrypted-notes";
  public static final byte[] CONTEXT = "notes".getBytes(StandardCharsets.UTF_8);
  private static final int MAX_NOTE = 4096;

  private static StableBTreeMap notes(Env env) {
    return StableBTreeMap.init(env.memory(0), 40, MAX_NOTE);
  }

  @Override
  public void update(String method, Env env) {
    boolean candid = env.argIsCandid();
    switch (method) {
      case "public_key" -> {
        if (candid) {
          CandidArgs.decode(env);
        }
        env.call(CanisterId.MANAGEMENT, "vetkd_public_key", new ManagementRequest.VetKdPublicKey(
            CONTEXT, "test_key_1").encode(candid), "on_key", "on_error", new byte[0]);
      }
      case "encrypted_key" -> {
        byte[] tpk = candid ? (byte[]) CandidArgs.decode(env, CandidType.BLOB).get(0)
            : Fields.decode(env.arg(), 1).get(0);
        env.call(CanisterId.MANAGEMENT, "vetkd_derive_key", new ManagementRequest.VetKdDeriveKey(
            env.caller(), CONTEXT, tpk, "test_key_1").encode(candid), "on_key", "on_error",
            new byte[0]);
      }
      case "on_key" -> {
        byte[] reply = env.arg();
        byte[] key;
        try {
          key = ManagementReply.EncryptedVetKey.decode(reply).encryptedKey();
        } catch (RuntimeException notAnEncryptedKey) {
          key = ManagementReply.Key.decode(reply).publicKey();
        }
        if (candid) {
          CandidArgs.reply(env, List.of(CandidType.BLOB), (Object) key);
        } else {
          env.reply(key);
        }
      }
      case "on_error" -> env.reject(new String(env.arg(), StandardCharsets.UTF_8));
      case "store" -> {
        byte[] ciphertext = candid ? (byte[]) CandidArgs.decode(env, CandidType.BLOB).get(0)
            : Fields.decode(env.arg(), 1).get(0);
        if (ciphertext.length > MAX_NOTE) {
          env.reject("note too long: " + ciphertext.length + " > " + MAX_NOTE + " bytes");
          return;
        }
        StableBTreeMap map = notes(env);
        long n = map.range(prefix(env.caller()), upper(env.caller())).size();
        map.insert(key(env.caller(), n), ciphertext);
        if (candid) {
          CandidArgs.reply(env, List.of(CandidType.NAT64), n);
        } else {
          env.reply(new BigEndianWriter(8).u64(n).toBytes());
        }
      }
      default -> env.reject("no update method '" + method + "'");
    }
  }

  @Override
  public void query(String method, Env env) {
    if (!method.equals("notes")) {
      env.reject("no query method '" + method + "'");
      return;
    }
    boolean candid = env.argIsCandid();
    if (candid) {
      CandidArgs.decode(env);
    }
    List<byte[]> mine = new ArrayList<>();
    notes(env).range(prefix(env.caller()), upper(env.caller())).forEach(e -> mine.add(e.getValue()));
    if (candid) {
      CandidArgs.reply(env, List.of(CandidType.vec(CandidType.BLOB)), mine);
    } else {
      env.reply(Fields.encode(mine.toArray(new byte[0][])));
    }
  }

  /** Keys: principal length (1 B) || principal || u64 note number. */
  private static byte[] prefix(byte[] caller) {
    byte[] p = new byte[1 + caller.length];
    p[0] = (byte) caller.length;
    System.arraycopy(caller, 0, p, 1, caller.length);
    return p;
  }

  private static byte[] upper(byte[] caller) {
    byte[] p = prefix(caller);
    byte[] u = Arrays.copyOf(p, p.length + 9);
    Arrays.fill(u, p.length, u.length, (byte) 0xff);
    return u;
  }

  static byte[] key(byte[] caller, long n) {
    byte[] p = prefix(caller);
    return new BigEndianWriter(p.length + 8).raw(p).u64(n).toBytes();
  }
}
