package dev.subnetsim.replica.query;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.replica.ingress.SignedIngress;
import dev.subnetsim.replica.payload.IngressEnvelope;
import dev.subnetsim.replica.payload.MalformedPayloadItemException;
import java.util.Arrays;

/**
 * A user's signed query call as it reaches a replica: a one-byte tag {@code 'Q'} and the
 * interface spec's envelope with {@code request_type "query"}. The tag sets it apart from
 * update calls (payload items) submitted the same way.
 */
public record QueryRequest(SignedIngress signed) {
  private static final byte TAG = 'Q';

  public QueryRequest {
    if (!signed.message().isQuery()) {
      throw new IllegalArgumentException("a query request needs request_type \"query\"");
    }
  }

  public byte[] encode() {
    byte[] body = IngressEnvelope.encode(signed);
    return new BigEndianWriter(1 + body.length).u8(TAG).raw(body).toBytes();
  }

  public static boolean isQuery(byte[] bytes) {
    return bytes.length > 0 && bytes[0] == TAG;
  }

  /** @throws MalformedPayloadItemException naming what is wrong with the envelope */
  public static QueryRequest decode(byte[] bytes) {
    if (!isQuery(bytes)) {
      throw new MalformedPayloadItemException("not a query request (tag 'Q')");
    }
    SignedIngress s = IngressEnvelope.decode(Arrays.copyOfRange(bytes, 1, bytes.length));
    if (!s.message().isQuery()) {
      throw new MalformedPayloadItemException("content.request_type must be \"query\"");
    }
    return new QueryRequest(s);
  }
}
