package dev.subnetsim.replica.ingress;

import dev.subnetsim.chainkey.ic.Principal;
import dev.subnetsim.chainkey.ic.RepresentationIndependentHash;
import dev.subnetsim.chainkey.ic.RepresentationIndependentHash.Value;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of an update call as the interface spec defines it ("Request: call"): its request id
 * is the representation-independent hash of these fields, and that id is what the sender signs.
 */
public record IngressMessage(Principal sender, byte[] canisterId, String methodName, byte[] arg,
    long ingressExpiryNanos, byte[] nonce) {

  public IngressMessage {
    canisterId = canisterId.clone();
    arg = arg.clone();
    nonce = nonce == null ? null : nonce.clone();
  }

  /** The content map of the spec (request_type "call"). */
  public Map<String, Value> content() {
    Map<String, Value> c = new TreeMap<>();
    c.put("request_type", RepresentationIndependentHash.text("call"));
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
