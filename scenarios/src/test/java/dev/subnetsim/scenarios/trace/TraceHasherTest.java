package dev.subnetsim.scenarios.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceHasherTest {
  private static final TraceEvent D1 =
      new TraceEvent.Delivered(5, new NodeId(0), new NodeId(1), "ping", 40, new byte[32]);
  private static final TraceEvent O1 = new TraceEvent.Observed(6, new NodeId(1),
      new Observation.Finalized(new SubnetId("app"), 3, Bytes.of(new byte[] {1, 2})));

  private static String hash(List<TraceEvent> events) {
    TraceHasher h = new TraceHasher();
    events.forEach(h::record);
    return h.hashHex();
  }

  @Test
  void theHashDependsOnEveryEventAndTheirOrder() {
    String base = hash(List.of(D1, O1));
    assertThat(hash(List.of(D1, O1))).isEqualTo(base);
    assertThat(hash(List.of(O1, D1))).isNotEqualTo(base);
    assertThat(hash(List.of(D1))).isNotEqualTo(base);
    TraceEvent later =
        new TraceEvent.Delivered(6, new NodeId(0), new NodeId(1), "ping", 40, new byte[32]);
    assertThat(hash(List.of(later, O1))).isNotEqualTo(base);
    TraceEvent otherHash = new TraceEvent.Observed(6, new NodeId(1),
        new Observation.Finalized(new SubnetId("app"), 3, Bytes.of(new byte[] {1, 3})));
    assertThat(hash(List.of(D1, otherHash))).isNotEqualTo(base);
  }

  @Test
  void readingTheHashDoesNotDisturbTheRunningDigest() {
    TraceHasher h = new TraceHasher();
    h.record(D1);
    String mid = h.hashHex();
    assertThat(h.hashHex()).isEqualTo(mid);
    h.record(O1);
    assertThat(h.hashHex()).isEqualTo(hash(List.of(D1, O1))).isNotEqualTo(mid);
    assertThat(h.events()).isEqualTo(2);
  }

  @Test
  void fieldBoundariesAreUnambiguous() {
    TraceEvent a = new TraceEvent.FaultApplied(1, "ab");
    TraceEvent b = new TraceEvent.FaultApplied(1, "a");
    TraceEvent c = new TraceEvent.FaultApplied(1, "b");
    assertThat(hash(List.of(a))).isNotEqualTo(hash(List.of(b, c)));
  }

  @Test
  void jsonLinesCarryTheFieldsOfEachEvent() {
    assertThat(TraceJson.line(D1)).isEqualTo("{\"t\":5,\"type\":\"delivered\",\"from\":0,\"to\":1,"
        + "\"kind\":\"ping\",\"size\":40,\"sha256\":\"" + "00".repeat(32) + "\"}");
    assertThat(TraceJson.line(O1)).contains("\"obs\":\"finalized\"", "\"height\":3",
        "\"hash\":\"0102\"");
    assertThat(TraceJson.line(new TraceEvent.FaultApplied(1, "say \"hi\"")))
        .contains("say \\\"hi\\\"");
  }

  @Test
  void theJsonLinesSinkWritesOneLinePerEvent() {
    StringBuilder out = new StringBuilder();
    Trace trace = new Trace(List.of(new JsonLinesSink(out)));
    trace.record(D1);
    trace.record(O1);

    assertThat(out.toString().split("\n")).containsExactly(TraceJson.line(D1), TraceJson.line(O1));
    assertThat(trace.hashHex()).isEqualTo(hash(List.of(D1, O1)));
    assertThat(trace.deliveredByKind().get("ping")).containsExactly(1, 40);
  }
}
