package dev.subnetsim.chainkey.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BytesTest {

  @Test
  void equalContentIsEqualAndHashesAsArraysHashCodeDoes() {
    byte[] raw = {1, 2, 3};
    assertThat(Bytes.of(raw)).isEqualTo(Bytes.of(new byte[] {1, 2, 3}))
        .isNotEqualTo(Bytes.of(new byte[] {1, 2}));
    assertThat(Bytes.of(raw).hashCode()).isEqualTo(Arrays.hashCode(raw));
    assertThat(List.of(Bytes.of(raw), Bytes.empty()).hashCode())
        .isEqualTo(31 * (31 + Arrays.hashCode(raw)) + Arrays.hashCode(new byte[0]));
  }

  @Test
  void neitherTheInputNorTheOutputArrayCanChangeTheValue() {
    byte[] raw = {1, 2, 3};
    Bytes b = Bytes.of(raw);
    raw[0] = 9;
    b.toArray()[1] = 9;
    assertThat(b.toArray()).containsExactly(1, 2, 3);
  }

  @Test
  void ordersUnsignedLexicographicallyWithAProperPrefixFirst() {
    Bytes low = Bytes.of(new byte[] {0x7f});
    Bytes high = Bytes.of(new byte[] {(byte) 0x80});
    Bytes prefix = Bytes.empty();
    assertThat(low.compareTo(high)).isNegative();
    assertThat(prefix.compareTo(low)).isNegative();
    assertThat(Bytes.of(new byte[] {0x7f, 0}).compareTo(low)).isPositive();
  }

  @Test
  void hexRoundTripsInLowercaseAndRejectsOddDigits() {
    Bytes b = Bytes.fromHex("00AbFF");
    assertThat(b.toHex()).isEqualTo("00abff");
    assertThat(b).hasToString("00abff");
    assertThat(b.length()).isEqualTo(3);
    assertThat(b.byteAt(1)).isEqualTo((byte) 0xab);
    assertThatThrownBy(() -> b.byteAt(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(Bytes.fromHex("").isEmpty()).isTrue();
    assertThatThrownBy(() -> Bytes.fromHex("abc")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ofEachCopiesEveryArrayInOrder() {
    byte[] first = {1};
    List<Bytes> list = Bytes.ofEach(List.of(first, new byte[] {2, 3}));
    first[0] = 9;
    assertThat(list).containsExactly(Bytes.fromHex("01"), Bytes.fromHex("0203"));
  }
}
