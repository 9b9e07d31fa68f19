package dev.subnetsim.replica.canisters;

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
 * mDL): the subnet's P-256 key plays the reader's static key, held only in shares. A holder sends
 * its public key; the canister asks for threshold ECDH with it, encrypted to the reader client's
 * transport key, so the shared secret exists only at the holder and at that client, which derive
 * the same KEK and exchange a CEK-wrapped document.
 *
 * <p>Methods: update {@code public_key} (reply: the subnet's P-256 ECDH key, SEC1 33 B); update
 * {@code agree} [holder public key, transport public key] (reply: the encrypted ECDH result).
 */
public final class MdlEcdhCanister implements CanisterProgram {
  public static final String NAME = "mdl-ecdh";
  private static final String KEY = "ecdh_key_1";

  @Override
  public void update(String method, Env env) {
    switch (method) {
      case "public_key" -> env.call(CanisterId.MANAGEMENT, "ecdh_public_key",
          new ManagementRequest.EcdhPublicKey("p256", KEY).encode(), "on_key", "on_error",
          new byte[0]);
      case "agree" -> {
        List<byte[]> f = Fields.decode(env.arg(), 2);
        env.call(CanisterId.MANAGEMENT, "ecdh_derive", new ManagementRequest.EcdhDerive("p256",
            f.get(0), Optional.of(f.get(1)), KEY).encode(), "on_agreed", "on_error", new byte[0]);
      }
      case "on_key" -> env.reply(ManagementReply.Key.decode(env.arg()).publicKey());
      case "on_agreed" -> {
        var r = ManagementReply.Ecdh.decode(env.arg());
        if (!r.encrypted()) {
          env.trap("the ECDH result must stay encrypted to the client's transport key");
        }
        env.reply(r.result());
      }
      case "on_error" -> env.reject(new String(env.arg(), StandardCharsets.UTF_8));
      default -> env.reject("no update method '" + method + "'");
    }
  }
}
