package dev.subnetsim.replica.chainkey.reshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The installed-dealings record of the replicated state: decoded, or rejected as corrupt. */
class ReshareLedgerRecordTest {

  @Test
  void aListRoundTrips() {
    List<byte[]> back = ReshareLedger.decodeList(ReshareLedger.encodeList(
        List.of(new byte[] {1, 2}, new byte[0])));
    assertThat(back).hasSize(2);
    assertThat(back.get(0)).containsExactly(1, 2);
  }

  @Test
  void aListIsAU32CountThenEachItemU32LengthPrefixed() {
    byte[] b = ReshareLedger.encodeList(List.of(new byte[] {1, 2}, new byte[0]));
    assertThat(HexFormat.of().formatHex(b)).isEqualTo("00000002" + "000000020102" + "00000000");
  }

  @Test
  void theMessagesOfACorruptRecordSayWhatIsWrong() {
    assertThatThrownBy(() -> ReshareLedger.decodeList(HexFormat.of().parseHex("7fffffff00000000")))
        .hasMessage("corrupt installed-key record: count 2147483647 overruns the record");
    assertThatThrownBy(() -> ReshareLedger.decodeList(HexFormat.of().parseHex("00000001ffffffff")))
        .hasMessage("corrupt installed-key record: item of -1 bytes overruns the record");
    byte[] trailing = HexFormat.of().parseHex("000000010000000007");
    assertThatThrownBy(() -> ReshareLedger.decodeList(trailing))
        .hasMessage("corrupt installed-key record: trailing bytes");
  }

  @Test
  void negativeOrOverrunningLengthsAndTrailingBytesAreACorruptRecord() {
    byte[] negativeItem = ByteBuffer.allocate(8).putInt(1).putInt(-1).array();
    byte[] hugeCount = ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(0).array();
    byte[] trailing = ByteBuffer.allocate(9).putInt(1).putInt(0).put((byte) 7).array();
    for (byte[] bad : List.of(negativeItem, hugeCount, trailing, new byte[2])) {
      assertThatThrownBy(() -> ReshareLedger.decodeList(bad))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("corrupt installed-key record");
    }
  }
}
