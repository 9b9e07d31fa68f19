package dev.subnetsim.replica.canisters;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
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
import java.util.Map;

/**
 * Example canister 1, a Secret Store (after Parity Secret Store): an owner stores an encrypted
 * document with its document key in threshold-ElGamal form (common point C, encrypted point E,
 * encrypted to the subnet's document server key); this canister is the document's permission
 * program (an access list in stable memory, changed only by the owner), registered with the key
 * holders when the document is stored (document_key_store). An authorized requester gets
 * decryption shadows encrypted to its own key and recovers the key client-side; anyone else is
 * refused with "403 not authorized" here. A canister asking the management canister directly for
 * shadows is served only if this program, asked by the key holders ({@code check_permissions}),
 * says its owner or a grantee is asking; else the key holders refuse it with the 403.
 *
 * <p>Methods: update {@code store} [doc id, C, E, ciphertext] (replies once the key is registered;
 * a refused registration removes the document again; one document per key); update {@code grant}
 * [doc id, principal]; update {@code revoke} [doc id, principal]; update {@code retrieve} [doc id,
 * requester public key] (reply: [E, ciphertext, shadow...]); update {@code server_key} (the
 * server key); update {@code check_permissions}, the management canister's only (see {@link
 * ManagementRequest.DocumentKeyShadows#CHECK_METHOD}).
 * In Candid ({@code secret-store.did}) its management calls are Candid too.
 */
public final class SecretStoreCanister implements CanisterProgram {
  public static final String NAME = "secret-store";
  public static final String FORBIDDEN = ManagementRequest.DocumentKeyShadows.FORBIDDEN;
  private static final String CHECK_METHOD = ManagementRequest.DocumentKeyShadows.CHECK_METHOD;
  private static final String KEY = "doc_key_1";
  private static final CandidType RETRIEVED = CandidType.record(
      CandidType.field("encrypted_point", CandidType.BLOB),
      CandidType.field("ciphertext", CandidType.BLOB),
      CandidType.field("shadows", CandidType.vec(CandidType.BLOB)));

  /** memory 0: doc id -> [owner, C, E, ciphertext]; memory 1: doc id || principal -> granted. */
  private static StableBTreeMap documents(Env env) {
    return StableBTreeMap.init(env.memory(0), 64, 8192);
  }

  private static StableBTreeMap acl(Env env) {
    return StableBTreeMap.init(env.memory(1), 128, 1);
  }

  /** memory 2: C (SEC1 compressed) -> doc id, for the key holders' questions. */
  private static StableBTreeMap byKey(Env env) {
    return StableBTreeMap.init(env.memory(2), 33, 64);
  }

  @Override
  public void update(String method, Env env) {
    boolean candid = env.argIsCandid();
    switch (method) {
      case "store" -> {
        List<byte[]> f = args(env, 4);
        if (documents(env).containsKey(f.get(0))) {
          env.reject("document exists");
          return;
        }
        byte[] key;
        try {
          key = compressed(f.get(1));
        } catch (IllegalArgumentException e) {
          env.reject(e.getMessage());
          return;
        }
        if (byKey(env).containsKey(key)) {
          env.reject("this document key guards another document");
          return;
        }
        documents(env).insert(f.get(0), Fields.encode(env.caller(), f.get(1), f.get(2), f.get(3)));
        byKey(env).insert(key, f.get(0));
        env.call(CanisterId.MANAGEMENT, "document_key_store", new ManagementRequest
            .DocumentKeyStore(f.get(1), env.self().toBytes(), KEY).encode(candid), "on_stored",
            "on_store_refused", f.get(0));
      }
      case "on_stored" -> replyEmpty(env);
      case "on_store_refused" -> {
        byte[] doc = documents(env).get(env.callbackContext());
        if (doc != null) {
          byKey(env).remove(compressed(Fields.decode(doc, 4).get(1)));
        }
        documents(env).remove(env.callbackContext());
        env.reject(new String(env.arg(), StandardCharsets.UTF_8));
      }
      case "grant", "revoke" -> {
        List<byte[]> f = candid ? grantArgs(env) : Fields.decode(env.arg(), 2);
        if (!isOwner(env, f.get(0))) {
          env.reject(FORBIDDEN);
          return;
        }
        if (method.equals("grant")) {
          acl(env).insert(aclKey(f.get(0), f.get(1)), new byte[] {1});
        } else {
          acl(env).remove(aclKey(f.get(0), f.get(1)));
        }
        replyEmpty(env);
      }
      case "retrieve" -> {
        List<byte[]> f = args(env, 2);
        byte[] doc = documents(env).get(f.get(0));
        if (doc == null) {
          env.reject("no such document");
          return;
        }
        if (!isOwner(env, f.get(0)) && !acl(env).containsKey(aclKey(f.get(0), env.caller()))) {
          env.reject(FORBIDDEN); // the permission program says no: no shadows are requested
          return;
        }
        List<byte[]> stored = Fields.decode(doc, 4);
        env.call(CanisterId.MANAGEMENT, "document_key_shadows", new ManagementRequest
            .DocumentKeyShadows(stored.get(1), f.get(1), KEY).encode(candid), "on_shadows",
            "on_error",
            Fields.encode(stored.get(2), stored.get(3)));
      }
      case "on_shadows" -> {
        List<byte[]> context = Fields.decode(env.callbackContext(), 2);
        List<byte[]> shadows = ManagementReply.DocumentKeyShadows.decode(env.arg()).shadows();
        if (candid) {
          CandidArgs.reply(env, List.of(RETRIEVED), Map.of("encrypted_point", context.get(0),
              "ciphertext", context.get(1), "shadows", shadows));
          return;
        }
        List<byte[]> out = new ArrayList<>(List.of(context.get(0), context.get(1)));
        out.addAll(shadows);
        env.reply(Fields.encode(out.toArray(new byte[0][])));
      }
      case "server_key" -> {
        if (candid) {
          CandidArgs.decode(env);
        }
        env.call(CanisterId.MANAGEMENT, "document_key_server_key",
            new ManagementRequest.DocumentKeyServerKey(KEY).encode(candid), "on_server_key",
            "on_error", new byte[0]);
      }
      case "on_server_key" -> {
        byte[] key = ManagementReply.Key.decode(env.arg()).publicKey();
        if (candid) {
          CandidArgs.reply(env, List.of(CandidType.BLOB), (Object) key);
        } else {
          env.reply(key);
        }
      }
      case CHECK_METHOD -> checkPermissions(env);
      case "on_error" -> env.reject(new String(env.arg(), StandardCharsets.UTF_8));
      default -> env.reject("no update method '" + method + "'");
    }
  }

  /**
   * The key holders ask whether a requester may have shadows of a document key: yes ([1]) for the
   * document's owner and its grantees, no ([0]) for anyone else or a key of no document here.
   */
  private static void checkPermissions(Env env) {
    if (env.caller().length != 0) { // the management canister is the empty principal
      env.reject("only the key holders ask " + CHECK_METHOD);
      return;
    }
    BigEndianReader in = new BigEndianReader(env.arg(), CHECK_METHOD);
    byte[] requester;
    byte[] key;
    try {
      requester = in.lengthPrefixed("requester", 29);
      key = in.raw(33, "common point");
      in.finish();
    } catch (IllegalArgumentException e) {
      env.reject(e.getMessage());
      return;
    }
    byte[] docId = byKey(env).get(key);
    boolean allowed = docId != null && (isOwner(env, docId, requester)
        || acl(env).containsKey(aclKey(docId, requester)));
    env.reply(new byte[] {(byte) (allowed ? 1 : 0)});
  }

  /** C re-encoded SEC1 compressed, as the key holders name it when they ask. */
  private static byte[] compressed(byte[] commonPoint) {
    try {
      return EcPoint.decode(EcCurve.SECP256K1, commonPoint).encode();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid common point: " + e.getMessage());
    }
  }

  /** {@code n} blob arguments, in Candid or the byte format. */
  private static List<byte[]> args(Env env, int n) {
    if (!env.argIsCandid()) {
      return Fields.decode(env.arg(), n);
    }
    CandidType[] types = new CandidType[n];
    Arrays.fill(types, CandidType.BLOB);
    return CandidArgs.decode(env, types).stream().map(o -> (byte[]) o).toList();
  }

  /** grant/revoke's Candid arguments (document, principal). */
  private static List<byte[]> grantArgs(Env env) {
    return CandidArgs.decode(env, CandidType.BLOB, CandidType.PRINCIPAL).stream()
        .map(o -> (byte[]) o).toList();
  }

  /** The empty reply: {@code ()} in Candid when the argument (or management reply) was. */
  private static void replyEmpty(Env env) {
    if (env.argIsCandid()) {
      CandidArgs.reply(env, List.of());
    } else {
      env.reply(new byte[0]);
    }
  }

  private static boolean isOwner(Env env, byte[] docId) {
    return isOwner(env, docId, env.caller());
  }

  private static boolean isOwner(Env env, byte[] docId, byte[] principal) {
    byte[] doc = documents(env).get(docId);
    return doc != null && Arrays.equals(Fields.decode(doc, 4).get(0), principal);
  }

  private static byte[] aclKey(byte[] docId, byte[] principal) {
    return Fields.encode(docId, principal);
  }
}
