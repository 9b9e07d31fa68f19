package dev.subnetsim.chainkey.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** RFC 9380 Appendix K.1, expand_message_xmd(SHA-256), DST QUUX-V01-CS02-with-expander-SHA256-128. */
class ExpandMessageXmdTest {
  private static final String DST = "QUUX-V01-CS02-with-expander-SHA256-128";

  private static String xmd(String msg, int len) {
    return Hex.toHexString(ExpandMessageXmd.expand(msg.getBytes(StandardCharsets.US_ASCII), DST, len));
  }

  @Test
  void matchesRfc9380VectorsOf32Bytes() {
    assertThat(xmd("", 0x20)).isEqualTo("68a985b87eb6b46952128911f2a4412bbc302a9d759667f87f7a21d803f07235");
    assertThat(xmd("abc", 0x20)).isEqualTo("d8ccab23b5985ccea865c6c97b6e5b8350e794e603b4b97902f53a8a0d605615");
    assertThat(xmd("abcdef0123456789", 0x20))
        .isEqualTo("eff31487c770a893cfb36f912fbfcbff40d5661771ca4b2cb4eafe524333f5c1");
  }

  @Test
  void matchesRfc9380VectorOf128Bytes() {
    assertThat(xmd("", 0x80))
        .isEqualTo(
            "af84c27ccfd45d41914fdff5df25293e221afc53d8ad2ac06d5e3e29485dadbee0d121587713a3e0dd4d5e69e93eb7cd4f5df4cd103e188cf60cb02edc3edf18eda8576c412b18ffb658e3dd6ec849469b979d444cf7b26911a08e63cf31f9dcc541708d3491184472c2c29bb749d4286b004ceb5ee6b9a7fa5b646c993f0ced");
  }

  @Test
  void rejectsEmptyOrOversizedDstAndBadLengths() {
    assertThatThrownBy(() -> ExpandMessageXmd.expand(new byte[0], new byte[0], 32))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DST");
    assertThatThrownBy(() -> ExpandMessageXmd.expand(new byte[0], new byte[256], 32))
        .hasMessageContaining("DST");
    assertThatThrownBy(() -> ExpandMessageXmd.expand(new byte[0], DST, 0)).hasMessageContaining("length");
    assertThatThrownBy(() -> ExpandMessageXmd.expand(new byte[0], DST, 255 * 32 + 1)).hasMessageContaining("length");
  }
}
