package dev.subnetsim.replica.ingress;

import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.RepresentationIndependentHash;
import dev.subnetsim.chainkey.ic.RepresentationIndependentHash.Value;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of an update call or a query as the interface spec defines them ("Request: call",
 * "Request: query"): its request id is the representation-independent hash of these fields, and
 * that id is what the sender signs. The request type is part of the hash, so a signed query cannot
 * be replayed as an update call.
 */
public record IngressMessage(Principal sender, byte[] canisterId, String methodName, byte[] arg,
    long ingressExpiryNanos, byte[] nonce, String requestType) {
  public static final String CALL = "call";
  public static final String QUERY = "query";

  public IngressMessage {
    canisterId = canisterId.clone();
    arg = arg.clone();
    nonce = nonce == null ? null : nonce.clone();
    if (!CALL.equals(requestType) && !QUERY.equals(requestType)) {
      throw new IllegalArgumentException("request_type must be \"call\" or \"query\": "
          + requestType);
    }
  }

  /** An update call. */
  public IngressMessage(Principal sender, byte[] canisterId, String methodName, byte[] arg,
      long ingressExpiryNanos, byte[] nonce) {
    this(sender, canisterId, methodName, arg, ingressExpiryNanos, nonce, CALL);
  }

  /** A query call. */
  public static IngressMessage query(Principal sender, byte[] canisterId, String methodName,
      byte[] arg, long ingressExpiryNanos, byte[] nonce) {
    return new IngressMessage(sender, canisterId, methodName, arg, ingressExpiryNanos, nonce, QUERY);
  }

  public boolean isQuery() {
    return QUERY.equals(requestType);
  }

  /** The content map of the spec. */
  public Map<String, Value> content() {
    Map<String, Value> c = new TreeMap<>();
    c.put("request_type", RepresentationIndependentHash.text(requestType));
    c.put("sender", RepresentationIndependentHash.blob(sender.toBytes()));
    c.put("canister_id", RepresentationIndependentHash.blob(canisterId));
    c.put("method_name", RepresentationIndependentHash.text(methodName));
    c.put("arg", RepresentationIndependentHash.blob(arg));
    c.put("ingress_expiry", RepresentationIndependentHash.nat(ingressExpiryNanos));
    if (nonce != null) {
      c.put("nonce", RepresentationIndependentHash.blob(nonce));
    }
    return c;
  }

  public byte[] requestId() {
    return RepresentationIndependentHash.requestId(content());
  }
}
