package dev.subnetsim.replica.chainkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers for a gossiped chain-key share ({@code u64 request_id || u32 signer || share}),
 * pinned from the hand-rolled ByteBuffer writer before it moved onto BigEndianWriter.
 */
class ChainKeyShareMessageTest {
  private static final String HEX = "0102030405060708" + "00000009" + "aabb";

  @Test
  void aShareIsItsRequestIdSignerAndShareBytesBigEndian() {
    var m = new ChainKeyShareMessage(0x0102030405060708L, 9, new byte[] {(byte) 0xaa, (byte) 0xbb});
    assertThat(HexFormat.of().formatHex(m.encode())).isEqualTo(HEX);
    var back = ChainKeyShareMessage.decode(HexFormat.of().parseHex(HEX));
    assertThat(back.requestId()).isEqualTo(0x0102030405060708L);
    assertThat(back.signer()).isEqualTo(9);
    assertThat(back.share()).containsExactly(0xaa, 0xbb);
  }

  @Test
  void aNegativeSignerIsReadAsSentForTheComponentToRefuse() {
    var back = ChainKeyShareMessage.decode(HexFormat.of().parseHex("0000000000000001ffffffff"));
    assertThat(back.signer()).isEqualTo(-1);
    assertThat(back.share()).isEmpty();
  }

  @Test
  void fewerBytesThanTheHeaderAreRefusedNamingTheLength() {
    assertThatThrownBy(() -> ChainKeyShareMessage.decode(new byte[11]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chain-key share message shorter than its header: 11 bytes");
  }
}
