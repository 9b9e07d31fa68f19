package dev.subnetsim.app.gateway;

import dev.subnetsim.chainkey.certification.CborReader;
import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.RepresentationIndependentHash;
import dev.subnetsim.chainkey.ic.RepresentationIndependentHash.Value;
import dev.subnetsim.replica.ingress.SenderDelegation;
import dev.subnetsim.replica.payload.IngressEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A read_state request's envelope (interface spec, "Request: Read state"):
 * {@code {content: {request_type "read_state", sender, paths, ingress_expiry, nonce?},
 * sender_pubkey?, sender_sig?, sender_delegation?}}. Bounded: at most {@value #MAX_PATHS} paths
 * of at most {@value #MAX_LABELS} labels.
 */
record ReadStateRequest(Principal sender, List<List<byte[]>> paths, long ingressExpiryNanos,
    byte[] nonce, byte[] senderPublicKeyDer, byte[] signature,
    List<SenderDelegation> delegations) {
  static final int MAX_PATHS = 1000;
  static final int MAX_LABELS = 127;

  /** The representation-independent hash of the content: what the sender signed. */
  byte[] requestId() {
    Map<String, Value> c = new TreeMap<>();
    c.put("request_type", RepresentationIndependentHash.text("read_state"));
    c.put("sender", RepresentationIndependentHash.blob(sender.toBytes()));
    c.put("paths", new RepresentationIndependentHash.Array(paths.stream().<Value>map(p ->
        new RepresentationIndependentHash.Array(p.stream().<Value>map(
            RepresentationIndependentHash::blob).toList())).toList()));
    c.put("ingress_expiry", RepresentationIndependentHash.nat(ingressExpiryNanos));
    if (nonce != null) {
      c.put("nonce", RepresentationIndependentHash.blob(nonce));
    }
    return RepresentationIndependentHash.requestId(c);
  }

  /** @throws IllegalArgumentException naming what is malformed */
  static ReadStateRequest decode(byte[] body) {
    CborValue v;
    try {
      v = CborValue.stripSelfDescribe(CborReader.decode(body));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("envelope is not CBOR: " + e.getMessage());
    }
    Map<String, CborValue> envelope = map(v, "envelope");
    Map<String, CborValue> content = map(envelope.get("content"), "content");
    if (!(content.get("request_type") instanceof CborValue.Text t)
        || !t.value().equals("read_state")) {
      throw new IllegalArgumentException("content.request_type must be \"read_state\"");
    }
    byte[] sender = bytes(content, "sender");
    if (sender.length > Principal.MAX_LENGTH) {
      throw new IllegalArgumentException("content.sender is not a principal");
    }
    if (!(content.get("ingress_expiry") instanceof CborValue.UInt expiry)) {
      throw new IllegalArgumentException("field 'ingress_expiry' must be an unsigned integer");
    }
    return new ReadStateRequest(Principal.fromBytes(sender), paths(content.get("paths")),
        expiry.value(), content.containsKey("nonce") ? bytes(content, "nonce") : null,
        envelope.containsKey("sender_pubkey") ? bytes(envelope, "sender_pubkey") : new byte[0],
        envelope.containsKey("sender_sig") ? bytes(envelope, "sender_sig") : new byte[0],
        envelope.containsKey("sender_delegation")
            ? IngressEnvelope.delegations(envelope.get("sender_delegation")) : List.of());
  }

  private static List<List<byte[]>> paths(CborValue v) {
    if (!(v instanceof CborValue.Array a)) {
      throw new IllegalArgumentException("field 'paths' must be an array");
    }
    if (a.items().size() > MAX_PATHS) {
      throw new IllegalArgumentException("at most " + MAX_PATHS + " paths");
    }
    List<List<byte[]>> out = new ArrayList<>();
    for (CborValue p : a.items()) {
      if (!(p instanceof CborValue.Array labels) || labels.items().size() > MAX_LABELS) {
        throw new IllegalArgumentException("a path must be an array of at most " + MAX_LABELS
            + " labels");
      }
      List<byte[]> path = new ArrayList<>();
      for (CborValue l : labels.items()) {
        if (!(l instanceof CborValue.Bytes b)) {
          throw new IllegalArgumentException("a path label must be bytes");
        }
        path.add(b.value());
      }
      out.add(List.copyOf(path));
    }
    return List.copyOf(out);
  }

  private static Map<String, CborValue> map(CborValue v, String what) {
    if (!(v instanceof CborValue.MapValue m)) {
      throw new IllegalArgumentException(what + " must be a CBOR map");
    }
    return m.entries();
  }

  private static byte[] bytes(Map<String, CborValue> m, String field) {
    if (!(m.get(field) instanceof CborValue.Bytes b)) {
      throw new IllegalArgumentException("field '" + field + "' must be bytes");
    }
    return b.value();
  }
}
