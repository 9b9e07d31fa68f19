package dev.subnetsim.app.gateway;

import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.certification.CborWriter;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.random.SeededRandom;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.SignatureScheme;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.ingress.UserKeyPair;
import dev.subnetsim.replica.payload.IngressEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A test user's signed IC HTTP request bodies (CBOR envelopes). */
final class Envelopes {
  private static final long MINUTE = 60_000_000_000L;
  final UserKeyPair user;

  Envelopes(long seed) {
    this.user = UserKeyPair.generate(SignatureScheme.ED25519, SeededRandom.fromSeed(seed));
  }

  IngressMessage call(byte[] canister, String method, byte[] arg, long nowUnixNanos) {
    return new IngressMessage(user.principal(), canister, method, arg, nowUnixNanos + 2 * MINUTE,
        nonce(nowUnixNanos));
  }

  IngressMessage query(byte[] canister, String method, byte[] arg, long nowUnixNanos) {
    return IngressMessage.query(user.principal(), canister, method, arg,
        nowUnixNanos + 2 * MINUTE, nonce(nowUnixNanos));
  }

  byte[] signed(IngressMessage m) {
    return IngressEnvelope.encode(user.sign(m));
  }

  /** {@code m} with someone else's signature over it. */
  byte[] forged(IngressMessage m) {
    SignedIngress mine = user.sign(m);
    SignedIngress other = new Envelopes(999).user.sign(m);
    return IngressEnvelope.encode(new SignedIngress(m, mine.senderPublicKeyDer(),
        other.signature()));
  }

  /** {@code m}'s envelope with neither key nor signature. */
  byte[] unsigned(IngressMessage m) {
    return IngressEnvelope.encode(new SignedIngress(m, new byte[0], new byte[0]));
  }

  /** A signed read_state request for {@code paths}, expiring in two minutes. */
  byte[] readState(List<List<byte[]>> paths, long nowUnixNanos) {
    return readState(paths, nowUnixNanos + 2 * MINUTE, user);
  }

  /** A read_state request of this user for {@code paths}, its signature made by {@code signer}. */
  byte[] readState(List<List<byte[]>> paths, long expiryUnixNanos, UserKeyPair signer) {
    ReadStateRequest r = new ReadStateRequest(user.principal(), paths, expiryUnixNanos,
        null, user.publicKeyDer(), new byte[0], List.of());
    byte[] sig = signer.signRequestId(r.requestId());
    Map<String, CborValue> content = new LinkedHashMap<>();
    content.put("request_type", new CborValue.Text("read_state"));
    content.put("sender", new CborValue.Bytes(user.principal().toBytes()));
    content.put("paths", new CborValue.Array(paths.stream().<CborValue>map(p ->
        new CborValue.Array(p.stream().<CborValue>map(CborValue.Bytes::new).toList())).toList()));
    content.put("ingress_expiry", new CborValue.UInt(r.ingressExpiryNanos()));
    Map<String, CborValue> env = new LinkedHashMap<>();
    env.put("content", new CborValue.MapValue(content));
    env.put("sender_pubkey", new CborValue.Bytes(user.publicKeyDer()));
    env.put("sender_sig", new CborValue.Bytes(sig));
    return CborWriter.encode(CborValue.selfDescribed(new CborValue.MapValue(env)));
  }

  /** A read_state envelope without paths (nor key or signature). */
  byte[] pathlessReadState() {
    Map<String, CborValue> content = new LinkedHashMap<>();
    content.put("request_type", new CborValue.Text("read_state"));
    content.put("sender", new CborValue.Bytes(user.principal().toBytes()));
    content.put("ingress_expiry", new CborValue.UInt(Long.MAX_VALUE));
    return CborWriter.encode(CborValue.selfDescribed(new CborValue.MapValue(Map.of("content",
        new CborValue.MapValue(content)))));
  }

  Principal principal() {
    return user.principal();
  }

  private static byte[] nonce(long now) {
    return Long.toString(now).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
