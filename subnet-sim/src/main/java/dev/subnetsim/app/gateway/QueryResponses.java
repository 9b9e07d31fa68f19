package dev.subnetsim.app.gateway;

import dev.subnetsim.app.session.LiveWorldView;
import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.ic.RepresentationIndependentHash;
import dev.subnetsim.chainkey.ic.RepresentationIndependentHash.Value;
import dev.subnetsim.replica.node.NodeSigningKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query's response as the interface spec defines it ("Query call"), signed by the node that ran
 * it: {@code signatures} holds one {@code {timestamp, signature, identity}}, the signature over
 * {@code domain_sep("ic-response") · hash_of_map} of {@code {status, reply, timestamp, request_id}}
 * (replied) or {@code {status, reject_code, reject_message, error_code, timestamp, request_id}}
 * (rejected). agent-js checks it against the node's key read from {@code /subnet/<id>/node}.
 */
final class QueryResponses {
  private QueryResponses() {}

  /** The response body (before self-describing CBOR) for {@code out}. */
  static CborValue signed(LiveWorldView.QueryOutcome out, byte[] requestId, long timestampNanos,
      NodeSigningKey key) {
    Map<String, CborValue> body = new LinkedHashMap<>();
    Map<String, Value> hashed = new LinkedHashMap<>();
    if (out.replied()) {
      body.put("status", new CborValue.Text("replied"));
      body.put("reply", new CborValue.MapValue(Map.of("arg", new CborValue.Bytes(out.reply()))));
      hashed.put("status", RepresentationIndependentHash.text("replied"));
      hashed.put("reply", new RepresentationIndependentHash.MapValue(Map.of("arg",
          RepresentationIndependentHash.blob(out.reply()))));
    } else {
      String errorCode = errorCode(out.rejectCode());
      body.put("status", new CborValue.Text("rejected"));
      body.put("reject_code", new CborValue.UInt(out.rejectCode()));
      body.put("reject_message", new CborValue.Text(out.rejectMessage()));
      body.put("error_code", new CborValue.Text(errorCode));
      hashed.put("status", RepresentationIndependentHash.text("rejected"));
      hashed.put("reject_code", RepresentationIndependentHash.nat(out.rejectCode()));
      hashed.put("reject_message", RepresentationIndependentHash.text(out.rejectMessage()));
      hashed.put("error_code", RepresentationIndependentHash.text(errorCode));
    }
    hashed.put("timestamp", RepresentationIndependentHash.nat(timestampNanos));
    hashed.put("request_id", RepresentationIndependentHash.blob(requestId));
    byte[] signature = key.signResponse(RepresentationIndependentHash.hashOfMap(hashed));
    Map<String, CborValue> sig = new LinkedHashMap<>();
    sig.put("timestamp", new CborValue.UInt(timestampNanos));
    sig.put("signature", new CborValue.Bytes(signature));
    sig.put("identity", new CborValue.Bytes(key.nodeId().toBytes()));
    body.put("signatures", new CborValue.Array(List.of(new CborValue.MapValue(sig))));
    return new CborValue.MapValue(body);
  }

  /** The IC's error code for a reject code: canister not found, or the canister's reject. */
  private static String errorCode(long rejectCode) {
    return rejectCode == 3 ? "IC0301" : "IC0406";
  }
}
