package dev.subnetsim.replica.net;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One message on the wire between two replicas. Replicas speak bytes so that the simulated world
 * can intercept, delay, drop or forge any message, and so that message sizes (for bandwidth and
 * the trace) come from the real encodings rather than from object graphs.
 *
 * @param kind the message kind; its stable wire name ("block-proposal", ...) is framed with it
 * @param payload the encoded message; never mutated after construction
 */
public record Envelope(NodeId from, NodeId to, MessageKind kind, byte[] payload) {

  /**
   * Fixed per-message framing counted on top of kind and payload: two 4-byte node ids, a 4-byte
   * payload length and a 2-byte kind length (a simple length-prefixed frame).
   */
  public static final int FRAME_OVERHEAD_BYTES = 14;

  public Envelope {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
  }

  /** Bytes this message occupies on a link: frame + kind + payload. */
  public int wireSize() {
    return FRAME_OVERHEAD_BYTES + kind.wireName().getBytes(StandardCharsets.UTF_8).length
        + payload.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Envelope e
        && from.equals(e.from)
        && to.equals(e.to)
        && kind == e.kind
        && Arrays.equals(payload, e.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, kind, Arrays.hashCode(payload));
  }

  @Override
  public String toString() {
    String hex = HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 16));
    return "Envelope[" + from + "->" + to + " " + kind + " " + payload.length + "B " + hex
        + (payload.length > 16 ? "..." : "") + "]";
  }
}
