package dev.subnetsim.chainkey.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BigEndianWriterReaderTest {

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  @Test
  void writesFixedWidthIntegersMostSignificantByteFirstAndPrefixesLengthsAsU32() {
    byte[] b = new BigEndianWriter().u8(0x1ff).u32(0x01020304).u64(0x0a0b0c0d0e0f1011L)
        .lengthPrefixed(new byte[] {(byte) 0xaa, (byte) 0xbb}).raw(new byte[] {7}).toBytes();
    assertThat(hex(b)).isEqualTo("ff" + "01020304" + "0a0b0c0d0e0f1011" + "00000002aabb" + "07");
  }

  @Test
  void growsPastItsInitialCapacity() {
    BigEndianWriter w = new BigEndianWriter(1);
    for (int i = 0; i < 100; i++) {
      w.u32(i);
    }
    assertThat(w.size()).isEqualTo(400);
    BigEndianReader r = new BigEndianReader(w.toBytes(), "counters");
    for (int i = 0; i < 100; i++) {
      assertThat(r.u32("counter " + i)).isEqualTo(i);
    }
    r.finish();
  }

  @Test
  void readsBackWhatTheWriterWrote() {
    byte[] b = new BigEndianWriter().u8(200).u32(-2).u32(7).u64(-3L).lengthPrefixed(new byte[] {1, 2, 3})
        .raw(new byte[] {9, 9}).toBytes();
    BigEndianReader r = new BigEndianReader(b, "sample");
    assertThat(r.u8("a")).isEqualTo(200);
    assertThat(r.i32("b")).isEqualTo(-2);
    assertThat(r.u32("c")).isEqualTo(7);
    assertThat(r.i64("d")).isEqualTo(-3L);
    assertThat(r.lengthPrefixed("e", 3)).containsExactly(1, 2, 3);
    assertThat(r.remaining()).isEqualTo(2);
    assertThat(r.raw(2, "f")).containsExactly(9, 9);
    r.finish();
  }

  @Test
  void truncationIsAMalformedBytesExceptionNamingObjectAndField() {
    BigEndianReader r = new BigEndianReader(new byte[] {0, 0, 1}, "sample");
    assertThatThrownBy(() -> r.u32("height"))
        .isInstanceOf(MalformedBytesException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sample: height: truncated");
    assertThatThrownBy(() -> new BigEndianReader(new byte[7], "s").i64("x"))
        .isInstanceOf(MalformedBytesException.class);
    assertThatThrownBy(() -> new BigEndianReader(null, "s"))
        .isInstanceOf(MalformedBytesException.class);
  }

  @Test
  void aHostileLengthPrefixIsRejectedBeforeAnyAllocation() {
    byte[] huge = new BigEndianWriter().u32(Integer.MAX_VALUE).toBytes();
    assertThatThrownBy(() -> new BigEndianReader(huge, "blob").lengthPrefixed("body", Integer.MAX_VALUE))
        .isInstanceOf(MalformedBytesException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> new BigEndianReader(huge, "blob").lengthPrefixed("body", 10))
        .isInstanceOf(MalformedBytesException.class).hasMessageContaining("exceeds 10");
    byte[] negative = new BigEndianWriter().u32(-1).toBytes();
    assertThatThrownBy(() -> new BigEndianReader(negative, "blob").u32("n"))
        .isInstanceOf(MalformedBytesException.class).hasMessageContaining("exceeds 2^31-1");
  }

  @Test
  void trailingBytesAreRejectedByFinish() {
    BigEndianReader r = new BigEndianReader(new byte[] {1, 2}, "sample");
    r.u8("a");
    assertThatThrownBy(r::finish).isInstanceOf(MalformedBytesException.class)
        .hasMessageContaining("1 trailing bytes");
  }
}
