package dev.subnetsim.scenarios.trace;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import dev.subnetsim.replica.Observation;
import java.nio.charset.StandardCharsets;

/**
 * The canonical binary form of a trace event, the input of the trace hash: a tag byte, then the
 * fields big-endian (longs 8 bytes, ints 4, strings and byte strings as a 4-byte length + bytes,
 * doubles as their IEEE-754 bits, booleans one byte 0 or 1), written by the one canonical
 * {@link BigEndianWriter}. Changing it changes every golden trace hash.
 */
public final class TraceEncoding {
  private TraceEncoding() {}

  public static byte[] encode(TraceEvent event) {
    BigEndianWriter out = new BigEndianWriter(96);
    out.u64(event.timeNanos());
    if (event instanceof TraceEvent.Delivered d) {
      out.u8(1);
      out.u32(d.from().value());
      out.u32(d.to().value());
      string(out, d.kind());
      out.u32(d.size());
      out.lengthPrefixed(d.payloadSha256());
    } else if (event instanceof TraceEvent.Dropped d) {
      out.u8(2);
      out.u32(d.from().value());
      out.u32(d.to().value());
      string(out, d.kind());
      out.u32(d.size());
      string(out, d.reason());
    } else if (event instanceof TraceEvent.Observed o) {
      out.u8(3);
      out.u32(o.node().value());
      observation(out, o.observation());
    } else if (event instanceof TraceEvent.FaultApplied f) {
      out.u8(4);
      string(out, f.description());
    } else {
      throw new IllegalArgumentException("unknown trace event " + event);
    }
    return out.toBytes();
  }

  private static void observation(BigEndianWriter out, Observation o) {
    if (o instanceof Observation.Finalized f) {
      out.u8(1);
      string(out, f.subnet().name());
      out.u64(f.height());
      out.lengthPrefixed(f.blockHash());
    } else if (o instanceof Observation.StateCertified s) {
      out.u8(2);
      string(out, s.subnet().name());
      out.u64(s.height());
      out.lengthPrefixed(s.rootHash());
    } else if (o instanceof Observation.ArtifactRejected r) {
      out.u8(3);
      out.u32(r.from().value());
      string(out, r.reason());
    } else if (o instanceof Observation.Metric m) {
      out.u8(4);
      string(out, m.name());
      out.u64(Double.doubleToLongBits(m.value()));
    } else if (o instanceof Observation.CombinedSignature c) {
      out.u8(5);
      string(out, c.subnet().name());
      string(out, c.kind());
      out.u64(c.height());
      out.lengthPrefixed(c.publicKey());
      out.lengthPrefixed(c.message());
      out.lengthPrefixed(c.signature());
    } else if (o instanceof Observation.ChainKeyCompleted c) {
      out.u8(6);
      string(out, c.subnet().name());
      out.u64(c.height());
      out.u64(c.requestId());
      string(out, c.method());
      out.lengthPrefixed(c.callerCanister());
      out.lengthPrefixed(c.arg());
      out.lengthPrefixed(c.reply());
      out.u64(c.queuedAtNanos());
      out.u64(c.answeredAtNanos());
    } else if (o instanceof Observation.IngressCompleted c) {
      out.u8(7);
      string(out, c.subnet().name());
      out.u64(c.height());
      out.lengthPrefixed(c.requestId());
      out.u8(c.replied() ? 1 : 0);
      out.lengthPrefixed(c.reply());
      out.u64(c.rejectCode());
      string(out, c.rejectMessage());
    } else if (o instanceof Observation.QueryAnswered q) {
      out.u8(8);
      string(out, q.subnet().name());
      out.u64(q.height());
      out.lengthPrefixed(q.requestId());
      out.u8(q.replied() ? 1 : 0);
      out.lengthPrefixed(q.reply());
      string(out, q.rejectMessage());
      out.lengthPrefixed(q.certificate());
    } else {
      throw new IllegalArgumentException("unknown observation " + o);
    }
  }

  private static void string(BigEndianWriter out, String s) {
    out.lengthPrefixed(s.getBytes(StandardCharsets.UTF_8));
  }
}
