package dev.subnetsim.replica.canisters;

import dev.subnetsim.replica.candid.CandidType;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.execution.CanisterProgram;
import dev.subnetsim.replica.execution.Env;
import dev.subnetsim.replica.management.ManagementReply;
import dev.subnetsim.replica.management.ManagementRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Example canister 3, mDL-style key agreement (ISO/IEC 18013-5 session keys; seed: MPC ECDH for
 * mDL): this canister's own ECDH key, derived for it (path {@link #PATH}) from the subnet's master
 * key and held only in shares, plays the reader's static key, on P-256 or X25519 (two of the
 * curves ISO/IEC 18013-5 names for session key agreement). A holder sends its public key; the
 * canister asks for threshold ECDH with it, encrypted to the reader client's transport key, so
 * the shared secret exists only at the holder and at that client, which derive the same KEK and
 * exchange a CEK-wrapped document. Another canister asking for ECDH with the same holder key gets
 * its own key's product, not this one's.
 *
 * <p>Methods: update {@code public_key} [curve] (reply: this canister's derived ECDH key, SEC1
 * 33 B or X25519 u); update {@code agree} [curve, holder public key, transport public key]
 * (reply: the encrypted ECDH result). Curve is {@code p256} or {@code x25519} (UTF-8). In Candid
 * ({@code mdl-ecdh.did}) its management calls are Candid too.
 */
public final class MdlEcdhCanister implements CanisterProgram {
  public static final String NAME = "mdl-ecdh";
  /** The derivation path of the reader key. */
  public static final List<byte[]> PATH = List.of("mdl-reader".getBytes(StandardCharsets.UTF_8));
  private static final String KEY = "ecdh_key_1";
  private static final CandidType CURVE = CandidType.enumeration("p256", "x25519");

  @Override
  public void update(String method, Env env) {
    boolean candid = env.argIsCandid();
    switch (method) {
      case "public_key" -> {
        String curve = candid ? CandidArgs.tag(CandidArgs.decode(env, CURVE).get(0))
            : curve(Fields.decode(env.arg(), 1).get(0));
        if (curve == null) {
          env.reject("curve must be p256 or x25519");
          return;
        }
        env.call(CanisterId.MANAGEMENT, "ecdh_public_key",
            new ManagementRequest.EcdhPublicKey(curve, PATH, KEY).encode(candid), "on_key",
            "on_error", new byte[0]);
      }
      case "agree" -> {
        List<byte[]> f = candid ? agreeArgs(env) : Fields.decode(env.arg(), 3);
        String curve = curve(f.get(0));
        if (curve == null) {
          env.reject("curve must be p256 or x25519");
          return;
        }
        env.call(CanisterId.MANAGEMENT, "ecdh_derive", new ManagementRequest.EcdhDerive(curve,
            f.get(1), PATH, Optional.of(f.get(2)), KEY).encode(candid), "on_agreed", "on_error",
            new byte[0]);
      }
      case "on_key" -> replyBytes(env, ManagementReply.PublicKey.decode(env.arg()).publicKey());
      case "on_agreed" -> {
        var r = ManagementReply.Ecdh.decode(env.arg());
        if (!r.encrypted()) {
          env.trap("the ECDH result must stay encrypted to the client's transport key");
        }
        replyBytes(env, r.result());
      }
      case "on_error" -> env.reject(new String(env.arg(), StandardCharsets.UTF_8));
      default -> env.reject("no update method '" + method + "'");
    }
  }

  /** agree's Candid arguments (curve, holder key, transport key) as the byte format's fields. */
  private static List<byte[]> agreeArgs(Env env) {
    List<Object> a = CandidArgs.decode(env, CURVE, CandidType.BLOB, CandidType.BLOB);
    return List.of(CandidArgs.tag(a.get(0)).getBytes(StandardCharsets.UTF_8), (byte[]) a.get(1),
        (byte[]) a.get(2));
  }

  /** Replies with {@code bytes}, as a Candid blob when the management reply was Candid. */
  private static void replyBytes(Env env, byte[] bytes) {
    if (env.argIsCandid()) {
      CandidArgs.reply(env, List.of(CandidType.BLOB), (Object) bytes);
    } else {
      env.reply(bytes);
    }
  }

  private static String curve(byte[] name) {
    String c = new String(name, StandardCharsets.UTF_8);
    return c.equals("p256") || c.equals("x25519") ? c : null;
  }
}
