package dev.subnetsim.scenarios.trace;

import dev.subnetsim.replica.Observation;
import java.util.HexFormat;

/** One JSON object per trace event, for {@code trace.jsonl}; pure string building, no I/O. */
public final class TraceJson {
  private static final HexFormat HEX = HexFormat.of();

  private TraceJson() {}

  public static String line(TraceEvent e) {
    StringBuilder b = new StringBuilder(128).append("{\"t\":").append(e.timeNanos());
    if (e instanceof TraceEvent.Delivered d) {
      b.append(",\"type\":\"delivered\",\"from\":").append(d.from().value())
          .append(",\"to\":").append(d.to().value()).append(",\"kind\":").append(str(d.kind()))
          .append(",\"size\":").append(d.size())
          .append(",\"sha256\":\"").append(HEX.formatHex(d.payloadSha256())).append('"');
    } else if (e instanceof TraceEvent.Dropped d) {
      b.append(",\"type\":\"dropped\",\"from\":").append(d.from().value())
          .append(",\"to\":").append(d.to().value()).append(",\"kind\":").append(str(d.kind()))
          .append(",\"size\":").append(d.size()).append(",\"reason\":").append(str(d.reason()));
    } else if (e instanceof TraceEvent.Observed o) {
      b.append(",\"type\":\"observed\",\"node\":").append(o.node().value());
      observation(b, o.observation());
    } else if (e instanceof TraceEvent.FaultApplied f) {
      b.append(",\"type\":\"fault\",\"fault\":").append(str(f.description()));
    }
    return b.append('}').toString();
  }

  private static void observation(StringBuilder b, Observation o) {
    if (o instanceof Observation.Finalized f) {
      b.append(",\"obs\":\"finalized\",\"subnet\":").append(str(f.subnet().name()))
          .append(",\"height\":").append(f.height())
          .append(",\"hash\":\"").append(f.blockHash().toHex()).append('"');
    } else if (o instanceof Observation.StateCertified s) {
      b.append(",\"obs\":\"state_certified\",\"subnet\":").append(str(s.subnet().name()))
          .append(",\"height\":").append(s.height())
          .append(",\"root\":\"").append(s.rootHash().toHex()).append('"');
    } else if (o instanceof Observation.ArtifactRejected r) {
      b.append(",\"obs\":\"rejected\",\"from\":").append(r.from().value())
          .append(",\"reason\":").append(str(r.reason()));
    } else if (o instanceof Observation.CombinedSignature c) {
      b.append(",\"obs\":\"combined_signature\",\"subnet\":").append(str(c.subnet().name()))
          .append(",\"kind\":").append(str(c.kind())).append(",\"height\":").append(c.height())
          .append(",\"public_key\":\"").append(c.publicKey().toHex())
          .append("\",\"message\":\"").append(c.message().toHex())
          .append("\",\"signature\":\"").append(c.signature().toHex()).append('"');
    } else if (o instanceof Observation.ChainKeyCompleted c) {
      b.append(",\"obs\":\"chain_key_completed\",\"subnet\":").append(str(c.subnet().name()))
          .append(",\"height\":").append(c.height()).append(",\"request\":").append(c.requestId())
          .append(",\"method\":").append(str(c.method()))
          .append(",\"caller\":\"").append(c.callerCanister().toHex())
          .append("\",\"arg\":\"").append(c.arg().toHex())
          .append("\",\"reply\":\"").append(c.reply().toHex())
          .append("\",\"queued_at\":").append(c.queuedAtNanos())
          .append(",\"answered_at\":").append(c.answeredAtNanos());
    } else if (o instanceof Observation.IngressCompleted c) {
      b.append(",\"obs\":\"ingress_completed\",\"subnet\":").append(str(c.subnet().name()))
          .append(",\"height\":").append(c.height())
          .append(",\"request_id\":\"").append(c.requestId().toHex())
          .append("\",\"replied\":").append(c.replied())
          .append(",\"reply\":\"").append(c.reply().toHex())
          .append("\",\"reject_code\":").append(c.rejectCode())
          .append(",\"reject_message\":").append(str(c.rejectMessage()));
    } else if (o instanceof Observation.QueryAnswered q) {
      b.append(",\"obs\":\"query_answered\",\"subnet\":").append(str(q.subnet().name()))
          .append(",\"height\":").append(q.height())
          .append(",\"request_id\":\"").append(q.requestId().toHex())
          .append("\",\"replied\":").append(q.replied())
          .append(",\"reply\":\"").append(q.reply().toHex())
          .append("\",\"reject_message\":").append(str(q.rejectMessage()))
          .append(",\"certificate\":\"").append(q.certificate().toHex()).append('"');
    } else if (o instanceof Observation.Metric m) {
      b.append(",\"obs\":\"metric\",\"name\":").append(str(m.name()))
          .append(",\"value\":").append(Double.isFinite(m.value()) ? Double.toString(m.value())
              : str(Double.toString(m.value())));
    }
  }

  private static String str(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
