package dev.subnetsim.app.gateway;

import dev.subnetsim.chainkey.certification.CborValue;
import dev.subnetsim.chainkey.certification.CborWriter;
import java.nio.charset.StandardCharsets;

/** One answer of the IC HTTP interface: status, content type and body (no HTTP library in it). */
public record IcResponse(int status, String contentType, byte[] body) {
  static final String CBOR = "application/cbor";
  static final String TEXT = "text/plain";

  /** A self-described CBOR body, as replicas send them. */
  static IcResponse cbor(int status, CborValue value) {
    return new IcResponse(status, CBOR, CborWriter.encode(CborValue.selfDescribed(value)));
  }

  /** A refusal: the status and its reason as text. */
  static IcResponse error(int status, String reason) {
    return new IcResponse(status, TEXT, reason.getBytes(StandardCharsets.UTF_8));
  }

  static IcResponse accepted() {
    return new IcResponse(202, TEXT, new byte[0]);
  }

  /** The body as text (for refusals and logs). */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
