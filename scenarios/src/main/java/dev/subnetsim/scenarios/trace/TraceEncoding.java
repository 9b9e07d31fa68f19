package dev.subnetsim.scenarios.trace;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.replica.Observation;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The canonical binary form of a trace event, the input of the trace hash: a tag byte, then the
 * fields big-endian (longs 8 bytes, ints 4, strings and byte strings as a 4-byte length + bytes,
 * doubles as their IEEE-754 bits). Changing it changes every golden trace hash.
 */
public final class TraceEncoding {
  private TraceEncoding() {}

  public static byte[] encode(TraceEvent event) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(event.timeNanos());
      if (event instanceof TraceEvent.Delivered d) {
        out.writeByte(1);
        out.writeInt(d.from().value());
        out.writeInt(d.to().value());
        string(out, d.kind());
        out.writeInt(d.size());
        bytes(out, d.payloadSha256());
      } else if (event instanceof TraceEvent.Dropped d) {
        out.writeByte(2);
        out.writeInt(d.from().value());
        out.writeInt(d.to().value());
        string(out, d.kind());
        out.writeInt(d.size());
        string(out, d.reason());
      } else if (event instanceof TraceEvent.Observed o) {
        out.writeByte(3);
        out.writeInt(o.node().value());
        observation(out, o.observation());
      } else if (event instanceof TraceEvent.FaultApplied f) {
        out.writeByte(4);
        string(out, f.description());
      } else {
        throw new IllegalArgumentException("unknown trace event " + event);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void observation(DataOutputStream out, Observation o) throws IOException {
    if (o instanceof Observation.Finalized f) {
      out.writeByte(1);
      string(out, f.subnet().name());
      out.writeLong(f.height());
      bytes(out, f.blockHash());
    } else if (o instanceof Observation.StateCertified s) {
      out.writeByte(2);
      string(out, s.subnet().name());
      out.writeLong(s.height());
      bytes(out, s.rootHash());
    } else if (o instanceof Observation.ArtifactRejected r) {
      out.writeByte(3);
      out.writeInt(r.from().value());
      string(out, r.reason());
    } else if (o instanceof Observation.Metric m) {
      out.writeByte(4);
      string(out, m.name());
      out.writeLong(Double.doubleToLongBits(m.value()));
    } else if (o instanceof Observation.CombinedSignature c) {
      out.writeByte(5);
      string(out, c.subnet().name());
      string(out, c.kind());
      out.writeLong(c.height());
      bytes(out, c.publicKey());
      bytes(out, c.message());
      bytes(out, c.signature());
    } else if (o instanceof Observation.ChainKeyCompleted c) {
      out.writeByte(6);
      string(out, c.subnet().name());
      out.writeLong(c.height());
      out.writeLong(c.requestId());
      string(out, c.method());
      bytes(out, c.callerCanister());
      bytes(out, c.arg());
      bytes(out, c.reply());
      out.writeLong(c.queuedAtNanos());
      out.writeLong(c.answeredAtNanos());
    } else if (o instanceof Observation.IngressCompleted c) {
      out.writeByte(7);
      string(out, c.subnet().name());
      out.writeLong(c.height());
      bytes(out, c.requestId());
      out.writeBoolean(c.replied());
      bytes(out, c.reply());
      out.writeLong(c.rejectCode());
      string(out, c.rejectMessage());
    } else if (o instanceof Observation.QueryAnswered q) {
      out.writeByte(8);
      string(out, q.subnet().name());
      out.writeLong(q.height());
      bytes(out, q.requestId());
      out.writeBoolean(q.replied());
      bytes(out, q.reply());
      string(out, q.rejectMessage());
      bytes(out, q.certificate());
    } else {
      throw new IllegalArgumentException("unknown observation " + o);
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    bytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  private static void bytes(DataOutputStream out, Bytes b) throws IOException {
    bytes(out, b.toArray());
  }

  private static void bytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }
}
