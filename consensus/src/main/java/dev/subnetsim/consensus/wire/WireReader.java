package dev.subnetsim.consensus.wire;

/** Reads what {@link WireWriter} wrote; any inconsistency is a {@link MalformedMessageException}. */
public final class WireReader {
  /** No single field in a consensus message is larger than this (a bound against bad lengths). */
  static final int MAX_FIELD_BYTES = 64 << 20;
  private final byte[] buf;
  private int pos;

  public WireReader(byte[] buf) {
    this.buf = buf;
  }

  private void need(int n, String what) {
    if (n < 0 || pos + n > buf.length) {
      throw new MalformedMessageException("truncated: " + what + " needs " + n + " bytes at offset "
          + pos + " of " + buf.length);
    }
  }

  public int u8(String what) {
    need(1, what);
    return buf[pos++] & 0xff;
  }

  public int u32(String what) {
    need(4, what);
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (buf[pos++] & 0xff);
    }
    return v;
  }

  public long u64(String what) {
    need(8, what);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos++] & 0xff);
    }
    return v;
  }

  public byte[] bytes(String what) {
    int n = u32(what + " length");
    if (n > MAX_FIELD_BYTES) {
      throw new MalformedMessageException(what + " length " + n + " exceeds the limit");
    }
    need(n, what);
    byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + n);
    pos += n;
    return out;
  }

  /** A count of list elements, bounded by what the remaining bytes could hold. */
  public int count(String what) {
    int n = u32(what + " count");
    if (n < 0 || n > buf.length - pos) {
      throw new MalformedMessageException(what + " count " + n + " is impossible");
    }
    return n;
  }

  public void expectEnd() {
    if (pos != buf.length) {
      throw new MalformedMessageException((buf.length - pos) + " trailing bytes");
    }
  }
}
