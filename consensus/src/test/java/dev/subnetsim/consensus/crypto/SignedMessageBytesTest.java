package dev.subnetsim.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the bytes replicas sign (pinned from the hand-rolled writer before it moved
 * onto chainkey's canonical BigEndianWriter): {@code u8 len(domain) || domain || u64 height ||
 * hash}. A change here changes every consensus signature.
 */
class SignedMessageBytesTest {
  private static final byte[] HASH = new byte[32];

  static {
    Arrays.fill(HASH, (byte) 1);
  }

  @Test
  void aNotarizationSignsItsDomainHeightAndBlockHashBigEndian() {
    assertThat(HexFormat.of().formatHex(SignedMessages.notarizationMessage(7, HASH)))
        .isEqualTo("17" + "7375626e65742d73696d2d6e6f746172697a6174696f6e" + "0000000000000007"
            + "01".repeat(32));
  }

  @Test
  void aNegativeHeightIsWrittenAsItsTwosComplementNotRejected() {
    assertThat(HexFormat.of().formatHex(SignedMessages.finalizationMessage(-1, new byte[0])))
        .endsWith("ffffffffffffffff");
  }
}
