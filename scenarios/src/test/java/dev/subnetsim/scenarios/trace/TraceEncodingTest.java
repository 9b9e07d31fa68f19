package dev.subnetsim.scenarios.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.replica.Observation;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the trace hash's input, one per event and observation type: any change to
 * these bytes changes every golden trace hash.
 */
class TraceEncodingTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final NodeId A = new NodeId(1);
  private static final NodeId B = new NodeId(0x0203);
  private static final SubnetId APP = new SubnetId("app");
  private static final long T = 0x0102030405060708L;

  private static String hex(TraceEvent e) {
    return HEX.formatHex(TraceEncoding.encode(e));
  }

  private static String observed(Observation o) {
    return hex(new TraceEvent.Observed(T, A, o));
  }

  @Test
  void aDeliveryIsTimeTagFromToKindSizeAndPayloadHash() {
    assertThat(hex(new TraceEvent.Delivered(T, A, B, "ping", 40, new byte[] {9, 8})))
        .isEqualTo("0102030405060708" + "01" + "00000001" + "00000203" + "00000004" + "70696e67"
            + "00000028" + "00000002" + "0908");
  }

  @Test
  void aDropIsTimeTagFromToKindSizeAndReason() {
    assertThat(hex(new TraceEvent.Dropped(-1, A, B, "é", -2, "loss")))
        .isEqualTo("ffffffffffffffff" + "02" + "00000001" + "00000203" + "00000002" + "c3a9"
            + "fffffffe" + "00000004" + "6c6f7373");
  }

  @Test
  void anAppliedFaultIsTimeTagAndDescription() {
    assertThat(hex(new TraceEvent.FaultApplied(0, "")))
        .isEqualTo("0000000000000000" + "04" + "00000000");
  }

  @Test
  void eachObservationTypeHasItsTagAndFields() {
    List<String> got = Stream.of(
        new Observation.Finalized(APP, 3, b(1, 2)),
        new Observation.StateCertified(APP, 4, b(3)),
        new Observation.ArtifactRejected(B, "bad"),
        new Observation.Metric("m", 1.5),
        new Observation.CombinedSignature(APP, "k", 5, b(1), b(2),
            b(3)),
        new Observation.ChainKeyCompleted(APP, 6, 7, "sign", b(1), b(2),
            b(3), 8, 9),
        new Observation.IngressCompleted(APP, 10, b(1), true, b(2), 0, ""),
        new Observation.IngressCompleted(APP, 10, b(1), false, b(), 5,
            "trapped"),
        new Observation.QueryAnswered(APP, 11, b(1), true, b(2), "",
            b(3)))
        .map(TraceEncodingTest::observed).toList();
    // Each after the event's own prefix: time, tag 3, node.
    String prefix = "0102030405060708" + "03" + "00000001";
    assertThat(got).allSatisfy(h -> assertThat(h).startsWith(prefix));
    assertThat(got).extracting(h -> h.substring(prefix.length())).containsExactly(
        "01" + "00000003617070" + "0000000000000003" + "000000020102",
        "02" + "00000003617070" + "0000000000000004" + "0000000103",
        "03" + "00000203" + "00000003626164",
        "04" + "000000016d" + "3ff8000000000000",
        "05" + "00000003617070" + "000000016b" + "0000000000000005" + "0000000101"
            + "0000000102" + "0000000103",
        "06" + "00000003617070" + "0000000000000006" + "0000000000000007"
            + "000000047369676e" + "0000000101" + "0000000102" + "0000000103"
            + "0000000000000008" + "0000000000000009",
        "07" + "00000003617070" + "000000000000000a" + "0000000101" + "01" + "0000000102"
            + "0000000000000000" + "00000000",
        "07" + "00000003617070" + "000000000000000a" + "0000000101" + "00" + "00000000"
            + "0000000000000005" + "0000000774726170706564",
        "08" + "00000003617070" + "000000000000000b" + "0000000101" + "01" + "0000000102"
            + "00000000" + "0000000103");
  }

  private static Bytes b(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return Bytes.of(out);
  }
}
