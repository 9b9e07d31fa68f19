package dev.subnetsim.replica.canisters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsTest {

  @Test
  void encodesAU32CountThenEachFieldAsU32LengthAndBytes() {
    byte[] b = Fields.encode(new byte[] {(byte) 0xab}, new byte[0]);
    assertThat(HexFormat.of().formatHex(b)).isEqualTo("00000002" + "00000001ab" + "00000000");
    List<byte[]> back = Fields.decode(b, 2);
    assertThat(back.get(0)).containsExactly((byte) 0xab);
    assertThat(back.get(1)).isEmpty();
  }

  @Test
  void badArgumentsAreIllegalArgumentsSayingWhatIsWrong() {
    byte[] two = Fields.encode(new byte[] {1}, new byte[] {2});
    assertThatThrownBy(() -> Fields.decode(two, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 3 argument fields, got 2");
    byte[] cut = java.util.Arrays.copyOf(two, two.length - 1);
    assertThatThrownBy(() -> Fields.decode(cut, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 1")
        .hasMessageContaining("truncated");
    byte[] longer = java.util.Arrays.copyOf(two, two.length + 1);
    assertThatThrownBy(() -> Fields.decode(longer, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trailing");
    assertThatThrownBy(() -> Fields.decode(new byte[] {0, 0}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
    byte[] hugeLength = HexFormat.of().parseHex("00000001" + "7fffffff" + "00");
    assertThatThrownBy(() -> Fields.decode(hugeLength, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
  }
}
