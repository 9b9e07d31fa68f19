package dev.subnetsim.replica.chainkey.presig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers for the presignature records of the replicated state (hashed with the state). */
class PresignatureRecordBytesTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void aListRecordIsItsLongsAsConsecutiveBigEndianU64s() {
    byte[] b = PresignatureInstances.encodeLongs(List.of(1L, -2L));
    assertThat(HEX.formatHex(b)).isEqualTo("0000000000000001" + "fffffffffffffffe");
    assertThat(PresignatureInstances.decodeLongs(b)).containsExactly(1L, -2L);
    assertThat(PresignatureInstances.encodeLongs(List.of())).isEmpty();
  }

  @Test
  void aListRecordWhoseLengthIsNoMultipleOfEightIsMalformed() {
    assertThatThrownBy(() -> PresignatureInstances.decodeLongs(new byte[12]))
        .isExactlyInstanceOf(MalformedBytesException.class);
  }

  @Test
  void aBuiltRecordIsTheDealerCountTheDealersAndTheDigest() {
    byte[] digest = new byte[32];
    Arrays.fill(digest, (byte) 0xcd);
    byte[] b = PresignatureTranscripts.encodeBuilt(List.of(3, 1), digest);
    assertThat(HEX.formatHex(b)).isEqualTo("00000002" + "00000003" + "00000001" + "cd".repeat(32));
    assertThat(PresignatureTranscripts.builtDealers(b)).containsExactly(3, 1);
    assertThat(PresignatureTranscripts.builtDigest(b)).isEqualTo(digest);
  }

  @Test
  void aTruncatedOrTrailingBuiltRecordIsMalformed() {
    byte[] b = PresignatureTranscripts.encodeBuilt(List.of(3), new byte[32]);
    byte[] cut = Arrays.copyOf(b, b.length - 1);
    assertThatThrownBy(() -> PresignatureTranscripts.builtDigest(cut))
        .isExactlyInstanceOf(MalformedBytesException.class);
    assertThatThrownBy(() -> PresignatureTranscripts.builtDealers(new byte[] {0, 0, 0, 2, 0}))
        .isExactlyInstanceOf(MalformedBytesException.class);
    byte[] longer = Arrays.copyOf(b, b.length + 1);
    assertThatThrownBy(() -> PresignatureTranscripts.builtDealers(longer))
        .isExactlyInstanceOf(MalformedBytesException.class)
        .hasMessageContaining("trailing");
  }

  @Test
  void theDealingsDigestIsSha256OverU32LengthPrefixedParts() {
    assertThat(PresignatureTranscripts.sha256(List.of(new byte[] {1, 2}, new byte[0])))
        .isEqualTo("3c4d0895c70fc1ee6df45b69433653e857f3c565aa07637f6461e102187fd113");
  }
}
