package dev.subnetsim.replica.payload;

import dev.subnetsim.chainkey.certification.CborReader;
import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.certification.CborWriter;
import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.SessionKeyDelegation;
import dev.subnetsim.replica.ingress.IngressMessage;
import dev.subnetsim.replica.ingress.IngressValidator;
import dev.subnetsim.replica.ingress.SenderDelegation;
import dev.subnetsim.replica.ingress.SignedIngress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP envelope of an update call (interface spec, "Request: call"): CBOR
 * {@code {content: {request_type, sender, canister_id, method_name, arg, ingress_expiry, nonce?},
 * sender_pubkey, sender_delegation?, sender_sig}}, which is how an ingress message travels in
 * gossip and payloads.
 */
public final class IngressEnvelope {
  private IngressEnvelope() {}

  public static byte[] encode(SignedIngress s) {
    IngressMessage m = s.message();
    Map<String, CborValue> content = new LinkedHashMap<>();
    content.put("arg", new CborValue.Bytes(m.arg()));
    content.put("canister_id", new CborValue.Bytes(m.canisterId()));
    content.put("ingress_expiry", new CborValue.UInt(m.ingressExpiryNanos()));
    content.put("method_name", new CborValue.Text(m.methodName()));
    if (m.nonce() != null) {
      content.put("nonce", new CborValue.Bytes(m.nonce()));
    }
    content.put("request_type", new CborValue.Text(m.requestType()));
    content.put("sender", new CborValue.Bytes(m.sender().toBytes()));
    Map<String, CborValue> envelope = new LinkedHashMap<>();
    envelope.put("content", new CborValue.MapValue(content));
    if (!s.delegations().isEmpty()) {
      envelope.put("sender_delegation", new CborValue.Array(s.delegations().stream()
          .map(IngressEnvelope::encodeDelegation).toList()));
    }
    if (s.senderPublicKeyDer().length > 0) {
      envelope.put("sender_pubkey", new CborValue.Bytes(s.senderPublicKeyDer()));
      envelope.put("sender_sig", new CborValue.Bytes(s.signature()));
    }
    return CborWriter.encode(CborValue.selfDescribed(new CborValue.MapValue(envelope)));
  }

  /**
   * Decodes an envelope; the signature is not checked here (IngressValidator does that).
   *
   * @throws MalformedPayloadItemException naming the missing or mistyped field
   */
  public static SignedIngress decode(byte[] bytes) {
    CborValue v;
    try {
      v = CborValue.stripSelfDescribe(CborReader.decode(bytes));
    } catch (RuntimeException e) {
      throw new MalformedPayloadItemException("ingress envelope is not CBOR: " + e.getMessage());
    }
    Map<String, CborValue> envelope = map(v, "envelope");
    Map<String, CborValue> content = map(envelope.get("content"), "content");
    String type = text(content, "request_type");
    if (!IngressMessage.CALL.equals(type) && !IngressMessage.QUERY.equals(type)) {
      throw new MalformedPayloadItemException("content.request_type must be \"call\" or "
          + "\"query\"");
    }
    IngressMessage m = new IngressMessage(sender(content),
        bytes(content, "canister_id"), text(content, "method_name"), bytes(content, "arg"),
        uint(content, "ingress_expiry"),
        content.containsKey("nonce") ? bytes(content, "nonce") : null, type);
    byte[] pk = envelope.containsKey("sender_pubkey") ? bytes(envelope, "sender_pubkey") : new byte[0];
    byte[] sig = envelope.containsKey("sender_sig") ? bytes(envelope, "sender_sig") : new byte[0];
    List<SenderDelegation> chain = envelope.containsKey("sender_delegation")
        ? delegations(envelope.get("sender_delegation")) : List.of();
    return new SignedIngress(m, pk, sig, chain);
  }

  private static CborValue encodeDelegation(SenderDelegation d) {
    Map<String, CborValue> inner = new LinkedHashMap<>();
    inner.put("pubkey", new CborValue.Bytes(d.delegation().publicKeyDer()));
    inner.put("expiration", new CborValue.UInt(d.delegation().expirationNanos()));
    d.delegation().targets().ifPresent(ts -> inner.put("targets", new CborValue.Array(
        ts.stream().<CborValue>map(t -> new CborValue.Bytes(t.toBytes())).toList())));
    Map<String, CborValue> outer = new LinkedHashMap<>();
    outer.put("delegation", new CborValue.MapValue(inner));
    outer.put("signature", new CborValue.Bytes(d.signature()));
    return new CborValue.MapValue(outer);
  }

  /**
   * The chain, bounded by the spec's limits (more delegations or targets than the IC accepts are a
   * malformed envelope, so no replica decodes or checks an unbounded list). Public for envelopes
   * of other request types (read_state), which carry the same chain.
   */
  public static List<SenderDelegation> delegations(CborValue v) {
    if (!(v instanceof CborValue.Array a)) {
      throw new MalformedPayloadItemException("field 'sender_delegation' must be an array");
    }
    if (a.items().size() > IngressValidator.MAX_DELEGATIONS) {
      throw new MalformedPayloadItemException("sender_delegation has " + a.items().size()
          + " delegations, at most " + IngressValidator.MAX_DELEGATIONS + " are allowed");
    }
    List<SenderDelegation> out = new ArrayList<>();
    for (CborValue item : a.items()) {
      Map<String, CborValue> signed = map(item, "a sender_delegation element");
      Map<String, CborValue> d = map(signed.get("delegation"), "delegation");
      Optional<List<Principal>> targets = Optional.empty();
      if (d.containsKey("targets")) {
        if (!(d.get("targets") instanceof CborValue.Array ts)) {
          throw new MalformedPayloadItemException("field 'targets' must be an array");
        }
        if (ts.items().size() > IngressValidator.MAX_TARGETS) {
          throw new MalformedPayloadItemException("a delegation has " + ts.items().size()
              + " targets, at most " + IngressValidator.MAX_TARGETS + " are allowed");
        }
        List<Principal> principals = new ArrayList<>();
        for (CborValue t : ts.items()) {
          if (!(t instanceof CborValue.Bytes b) || b.value().length > Principal.MAX_LENGTH) {
            throw new MalformedPayloadItemException("a delegation target must be a principal");
          }
          principals.add(Principal.fromBytes(b.value()));
        }
        targets = Optional.of(principals);
      }
      out.add(new SenderDelegation(new SessionKeyDelegation(bytes(d, "pubkey"),
          uint(d, "expiration"), targets), bytes(signed, "signature")));
    }
    return out;
  }

  /**
   * The sender, checked here so that an over-long one is this format's malformed item (issue 18:
   * Principal's own exception used to escape every caller and end the run).
   */
  private static Principal sender(Map<String, CborValue> content) {
    byte[] sender = bytes(content, "sender");
    if (sender.length > Principal.MAX_LENGTH) {
      throw new MalformedPayloadItemException("content.sender has " + sender.length
          + " bytes, a principal at most " + Principal.MAX_LENGTH);
    }
    return Principal.fromBytes(sender);
  }

  private static Map<String, CborValue> map(CborValue v, String what) {
    if (!(v instanceof CborValue.MapValue m)) {
      throw new MalformedPayloadItemException(what + " must be a CBOR map");
    }
    return m.entries();
  }

  private static byte[] bytes(Map<String, CborValue> m, String field) {
    if (!(m.get(field) instanceof CborValue.Bytes b)) {
      throw new MalformedPayloadItemException("field '" + field + "' must be bytes");
    }
    return b.value();
  }

  private static String text(Map<String, CborValue> m, String field) {
    if (!(m.get(field) instanceof CborValue.Text t)) {
      throw new MalformedPayloadItemException("field '" + field + "' must be text");
    }
    return t.value();
  }

  private static long uint(Map<String, CborValue> m, String field) {
    if (!(m.get(field) instanceof CborValue.UInt u)) {
      throw new MalformedPayloadItemException("field '" + field + "' must be an unsigned integer");
    }
    return u.value();
  }
}
