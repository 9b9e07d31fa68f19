package dev.subnetsim.chainkey.bytes;

import java.util.Arrays;

/**
 * The one reader of the encodings {@link BigEndianWriter} writes. Every read checks the remaining
 * length first (so a hostile length never makes it allocate more than the input's size), every
 * failure is a {@link MalformedBytesException} naming the object and field, and {@link #finish()}
 * rejects trailing bytes. A format with its own exception type overrides {@link #error}.
 */
public class BigEndianReader {

  private final byte[] in;
  private final String object;
  private int pos;

  /**
   * @param object what the bytes should encode, for error messages
   * @throws MalformedBytesException if {@code in} is null
   */
  public BigEndianReader(byte[] in, String object) {
    this.object = object;
    if (in == null) {
      throw error("input", "null");
    }
    this.in = in;
  }

  /** The exception for a bad {@code field}; overridden by formats with their own subclass. */
  protected MalformedBytesException error(String field, String what) {
    return new MalformedBytesException(object + ": " + field + ": " + what);
  }

  /** As {@link #error(String, String)} with the failure of a nested decoder as its cause. */
  protected MalformedBytesException error(String field, String what, Throwable cause) {
    return new MalformedBytesException(object + ": " + field + ": " + what, cause);
  }

  /** The object named in error messages. */
  protected final String object() {
    return object;
  }

  public final int remaining() {
    return in.length - pos;
  }

  private void need(int n, String field) throws MalformedBytesException {
    if (n < 0 || in.length - pos < n) {
      throw error(field, "truncated (need " + n + " bytes at offset " + pos + ", have "
          + (in.length - pos) + ")");
    }
  }

  public final int u8(String field) throws MalformedBytesException {
    need(1, field);
    return in[pos++] & 0xff;
  }

  /** The 4 bytes as a signed int, for fields whose range the caller checks. */
  public final int i32(String field) throws MalformedBytesException {
    need(4, field);
    int v = ((in[pos] & 0xff) << 24) | ((in[pos + 1] & 0xff) << 16) | ((in[pos + 2] & 0xff) << 8)
        | (in[pos + 3] & 0xff);
    pos += 4;
    return v;
  }

  /** An unsigned 32-bit value that must fit in a non-negative int. */
  public final int u32(String field) throws MalformedBytesException {
    int v = i32(field);
    if (v < 0) {
      throw error(field, "value " + Integer.toUnsignedString(v) + " exceeds 2^31-1");
    }
    return v;
  }

  /** The 8 bytes as a signed long. */
  public final long i64(String field) throws MalformedBytesException {
    need(8, field);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (in[pos++] & 0xff);
    }
    return v;
  }

  public final byte[] raw(int n, String field) throws MalformedBytesException {
    need(n, field);
    byte[] b = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return b;
  }

  /** u32 length || bytes, the length at most {@code maxLength}. */
  public final byte[] lengthPrefixed(String field, int maxLength) throws MalformedBytesException {
    int len = u32(field + " length");
    if (len > maxLength) {
      throw error(field, "length " + len + " exceeds " + maxLength);
    }
    return raw(len, field);
  }

  /** @throws MalformedBytesException if bytes are left after the encoding */
  public final void finish() throws MalformedBytesException {
    if (pos != in.length) {
      throw error("end", (in.length - pos) + " trailing bytes after the encoding");
    }
  }
}
