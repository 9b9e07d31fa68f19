package dev.subnetsim.chainkey.bytes;

import java.util.Arrays;

/**
 * The one writer of the project's canonical encodings: big-endian fixed-width integers, raw
 * fixed-size fields and u32-length-prefixed byte strings, so one value has exactly one encoding.
 * {@link BigEndianReader} reads what it writes.
 */
public final class BigEndianWriter {
  private byte[] buf;
  private int len;

  public BigEndianWriter() {
    this(128);
  }

  /** With room for {@code expectedBytes} before the buffer has to grow. */
  public BigEndianWriter(int expectedBytes) {
    buf = new byte[Math.max(16, expectedBytes)];
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  /** The low 8 bits of {@code v}. */
  public BigEndianWriter u8(int v) {
    ensure(1);
    buf[len++] = (byte) v;
    return this;
  }

  /** {@code v} as 4 bytes, most significant first. */
  public BigEndianWriter u32(int v) {
    ensure(4);
    for (int s = 24; s >= 0; s -= 8) {
      buf[len++] = (byte) (v >>> s);
    }
    return this;
  }

  /** {@code v} as 8 bytes, most significant first. */
  public BigEndianWriter u64(long v) {
    ensure(8);
    for (int s = 56; s >= 0; s -= 8) {
      buf[len++] = (byte) (v >>> s);
    }
    return this;
  }

  /** The bytes as they are, without a length prefix (fixed-size fields). */
  public BigEndianWriter raw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  /** u32 length || bytes. */
  public BigEndianWriter lengthPrefixed(byte[] b) {
    return u32(b.length).raw(b);
  }

  /** u32 length || bytes. */
  public BigEndianWriter lengthPrefixed(Bytes b) {
    return lengthPrefixed(b.toArray());
  }

  public int size() {
    return len;
  }

  public byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }
}
