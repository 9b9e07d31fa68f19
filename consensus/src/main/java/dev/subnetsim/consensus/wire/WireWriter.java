package dev.subnetsim.consensus.wire;

import java.util.Arrays;

/** A growable big-endian buffer for canonical encodings (lengths are u32 prefixes). */
public final class WireWriter {
  private byte[] buf = new byte[128];
  private int len;

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  public WireWriter u8(int v) {
    ensure(1);
    buf[len++] = (byte) v;
    return this;
  }

  public WireWriter u32(int v) {
    ensure(4);
    for (int s = 24; s >= 0; s -= 8) {
      buf[len++] = (byte) (v >>> s);
    }
    return this;
  }

  public WireWriter u64(long v) {
    ensure(8);
    for (int s = 56; s >= 0; s -= 8) {
      buf[len++] = (byte) (v >>> s);
    }
    return this;
  }

  public WireWriter bytes(byte[] b) {
    return u32(b.length).raw(b);
  }

  /** The bytes as they are, without a length prefix (fixed-size fields). */
  public WireWriter raw(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
    return this;
  }

  public byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }
}
