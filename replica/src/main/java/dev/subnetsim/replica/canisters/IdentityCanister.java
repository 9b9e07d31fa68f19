package dev.subnetsim.replica.canisters;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.chainkey.certification.CanisterSignatureIssuer;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import dev.subnetsim.replica.candid.CandidType;
import dev.subnetsim.replica.execution.CanisterProgram;
import dev.subnetsim.replica.execution.Env;
import dev.subnetsim.replica.execution.stable.StableBTreeMap;
import java.util.List;
import java.util.Optional;

/**
 * Example canister 5, Internet Identity style: it signs session-key delegations with canister
 * signatures. {@code prepare_delegation} records (seed = caller, delegation message) in stable
 * memory and certifies the root of its signature tree as its certified data; the query
 * {@code get_delegation} returns the witness for that leaf; the client combines it with a
 * certificate of the subnet's state into a canister signature that verifies under the root key
 * (interface spec, "Canister signatures").
 *
 * <p>Methods: update {@code prepare_delegation} [session public key DER, u64 expiration] (reply:
 * the user's canister-signature public key DER); query {@code get_delegation} [same] (reply: the
 * witness tree, CBOR). In Candid ({@code identity.did}): {@code (blob, nat64) -> (blob)} each.
 */
public final class IdentityCanister implements CanisterProgram {
  public static final String NAME = "identity";

  private static StableBTreeMap signatures(Env env) {
    return StableBTreeMap.init(env.memory(0), 96, 512);
  }

  /** The issuer rebuilt from stable memory (canisters keep no Java state between messages). */
  private static CanisterSignatureIssuer issuer(Env env) {
    CanisterSignatureIssuer issuer = new CanisterSignatureIssuer(Principal.fromBytes(env.self().toBytes()));
    for (var e : signatures(env).entries()) {
      List<byte[]> f = Fields.decode(e.getValue(), 2);
      issuer.add(f.get(0), f.get(1));
    }
    return issuer;
  }

  /**
   * The delegation message of the call's argument.
   *
   * @throws IllegalArgumentException if the argument is malformed (truncated, overrunning or
   *     trailing bytes, the expiration too, are its subclass MalformedBytesException)
   */
  private static byte[] message(Env env) {
    if (env.argIsCandid()) {
      List<Object> a = CandidArgs.decode(env, CandidType.BLOB, CandidType.NAT64);
      return new SessionKeyDelegation((byte[]) a.get(0), (Long) a.get(1), Optional.empty())
          .signedMessage();
    }
    List<byte[]> f = Fields.decode(env.arg(), 2);
    return new SessionKeyDelegation(f.get(0), expiration(f.get(1)), Optional.empty())
        .signedMessage();
  }

  /** Replies with {@code bytes}, as a Candid blob to a Candid caller. */
  private static void replyBytes(Env env, byte[] bytes) {
    if (env.argIsCandid()) {
      CandidArgs.reply(env, List.of(CandidType.BLOB), (Object) bytes);
    } else {
      env.reply(bytes);
    }
  }

  /** The expiration field: exactly a u64, big-endian. */
  static long expiration(byte[] field) {
    BigEndianReader r = new BigEndianReader(field, "expiration");
    long nanos = r.i64("nanos");
    r.finish();
    return nanos;
  }

  @Override
  public void update(String method, Env env) {
    if (!method.equals("prepare_delegation")) {
      env.reject("no update method '" + method + "'");
      return;
    }
    byte[] seed = env.caller();
    byte[] msg = message(env);
    StableBTreeMap map = signatures(env);
    map.insert(new BigEndianWriter(8).u64(map.size()).toBytes(), Fields.encode(seed, msg));
    CanisterSignatureIssuer issuer = issuer(env);
    env.setCertifiedData(issuer.certifiedData());
    replyBytes(env, issuer.publicKey(seed).toDer());
  }

  @Override
  public void query(String method, Env env) {
    if (!method.equals("get_delegation")) {
      env.reject("no query method '" + method + "'");
      return;
    }
    try {
      replyBytes(env, HashTreeCbor.encode(issuer(env).witness(env.caller(), message(env))));
    } catch (IllegalArgumentException e) {
      env.reject("no delegation prepared for this caller and session key");
    }
  }
}
