package dev.subnetsim.consensus.dkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers for the DKG readers: what they read, and how they reject malformed bytes. */
class DkgReadersBytesTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final String SIG = "5a".repeat(48);

  // complaint, epoch 7, certification key, signer 3, body 01 00000009 ee
  private static final String COMPLAINT =
      "01" + "0000000000000007" + "01" + "00000003" + "00000006" + "0100000009ee" + SIG;

  @Test
  void aDkgItemReadsItsFieldsAndTheAccusedFromTheComplaintHeader() {
    DkgItem item = DkgItem.decode(HEX.parseHex(COMPLAINT));
    assertThat(item.kind()).isEqualTo(DkgItem.Kind.COMPLAINT);
    assertThat(item.targetEpoch()).isEqualTo(7);
    assertThat(item.key()).isEqualTo(ThresholdKey.CERTIFICATION);
    assertThat(item.signer()).isEqualTo(3);
    assertThat(HEX.formatHex(item.body())).isEqualTo("0100000009ee");
    assertThat(item.accused()).isEqualTo(9);
    assertThat(HEX.formatHex(item.encode())).isEqualTo(COMPLAINT);
  }

  @Test
  void aMalformedDkgItemIsAnIllegalArgumentNamingWhatIsWrong() {
    expectItem("", "dkg item: truncated");
    expectItem("02", "dkg item: unknown kind 2");
    expectItem("00" + "0000000000000007" + "05", "unknown threshold key tag 5");
    expectItem("00" + "0000000000000007" + "00" + "00000003" + "00000001" + SIG,
        "dkg item: body length 1 out of range");
    expectItem("01" + "0000000000000007" + "00" + "00000003" + "00000001" + "00" + SIG,
        "dkg item: complaint of 1 bytes");
    expectItem(COMPLAINT + "00", "dkg item: trailing bytes or negative field");
    expectItem("00" + "8000000000000007" + "00" + "00000003" + "00000000" + SIG,
        "dkg item: trailing bytes or negative field");
    expectItem("00" + "0000000000000007" + "00" + "00000003", "dkg item: truncated");
  }

  private static void expectItem(String hex, String message) {
    assertThatThrownBy(() -> DkgItem.decode(HEX.parseHex(hex)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void anIntervalSummaryIsTheEpochAndTwoDigests() {
    String hex = "0000000000000102" + "11".repeat(32) + "22".repeat(32);
    IntervalSummary s = IntervalSummary.decode(HEX.parseHex(hex));
    assertThat(s.epoch()).isEqualTo(258);
    assertThat(HEX.formatHex(s.beaconDigest())).isEqualTo("11".repeat(32));
    assertThat(HEX.formatHex(s.certificationDigest())).isEqualTo("22".repeat(32));
    assertThat(HEX.formatHex(s.encode())).isEqualTo(hex);
    assertThatThrownBy(() -> IntervalSummary.decode(new byte[71]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval summary of 71 bytes, expected 72");
  }

  @Test
  void aDkgSummaryReadsItsItemsAndNamesWhatIsMalformed() {
    DkgSummary s = DkgSummary.decode(HEX.parseHex("00000000" + "00000001" + "00000048"
        + COMPLAINT));
    assertThat(s.entries()).isEmpty();
    assertThat(s.items()).hasSize(1);
    assertThat(s.items().get(0).accused()).isEqualTo(9);
    assertThat(HEX.formatHex(s.encode())).isEqualTo("00000000" + "00000001" + "00000048"
        + COMPLAINT);
    expectSummary("00000001" + "0000000000000001" + "02",
        "malformed dkg summary: presence flag 2 (must be 0 or 1)");
    expectSummary("00000000" + "00000001" + "ffffffff",
        "malformed dkg summary: length -1 out of range");
    expectSummary("00000000" + "00000001" + "00000000",
        "malformed dkg summary: dkg item: truncated");
    assertThatThrownBy(() -> DkgSummary.decode(HEX.parseHex("000000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed dkg summary: ");
  }

  private static void expectSummary(String hex, String message) {
    assertThatThrownBy(() -> DkgSummary.decode(HEX.parseHex(hex)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void malformedDkgBytesAreMalformedBytesExceptions() {
    assertThatThrownBy(() -> DkgItem.decode(new byte[0]))
        .isExactlyInstanceOf(MalformedBytesException.class);
    assertThatThrownBy(() -> DkgSummary.decode(new byte[3]))
        .isExactlyInstanceOf(MalformedBytesException.class);
    assertThatThrownBy(() -> IntervalSummary.decode(new byte[73]))
        .isExactlyInstanceOf(MalformedBytesException.class);
  }
}
