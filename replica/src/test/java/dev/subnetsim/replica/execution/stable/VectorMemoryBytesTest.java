package dev.subnetsim.replica.execution.stable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answers for stable memory's checkpoint form and content hash. */
class VectorMemoryBytesTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void theEncodingIsTheU32PageCountThenEveryPage() {
    VectorMemory m = new VectorMemory(4);
    m.grow(1);
    m.write(1, new byte[] {(byte) 0xaa});
    byte[] b = m.encode();
    assertThat(b).hasSize(4 + Memory.PAGE_SIZE);
    assertThat(HEX.formatHex(b, 0, 6)).isEqualTo("0000000100aa");
    VectorMemory back = VectorMemory.decode(b, 4);
    assertThat(back.encode()).isEqualTo(b);
    assertThat(HEX.formatHex(back.contentHash()))
        .isEqualTo("5eb288d34c9240b5eb711f929c2d078c2178b29d141a655624271a26873c263f");
  }

  @Test
  void aTruncatedOrOversizedEncodingIsAnIllegalArgumentSayingWhy() {
    assertThatThrownBy(() -> VectorMemory.decode(new byte[3], 4))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("stable memory encoding shorter than its page count");
    assertThatThrownBy(() -> VectorMemory.decode(HEX.parseHex("0000000100"), 4))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("stable memory encoding: 1 pages do not match 1 bytes (limit 4 pages)");
    assertThatThrownBy(() -> VectorMemory.decode(HEX.parseHex("ffffffff"), 4))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("stable memory encoding: -1 pages do not match 0 bytes (limit 4 pages)");
  }
}
