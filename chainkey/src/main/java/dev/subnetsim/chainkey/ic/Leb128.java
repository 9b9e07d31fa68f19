package dev.subnetsim.chainkey.ic;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * Shortest-form LEB128 (interface spec, "Representation-independent hashing": naturals are
 * unsigned LEB128, integers signed LEB128; "Certification": naturals in the state tree, e.g.
 * {@code /time}, are unsigned LEB128).
 */
public final class Leb128 {
  private Leb128() {}

  private static final BigInteger MASK = BigInteger.valueOf(0x7f);

  public static byte[] encodeUnsigned(BigInteger n) {
    if (n.signum() < 0) {
      throw new IllegalArgumentException("unsigned LEB128 of a negative number: " + n);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BigInteger v = n;
    do {
      int b = v.and(MASK).intValue();
      v = v.shiftRight(7);
      out.write(v.signum() == 0 ? b : b | 0x80);
    } while (v.signum() != 0);
    return out.toByteArray();
  }

  /** {@code value} read as an unsigned 64-bit number (so nanosecond times past 2262 work too). */
  public static byte[] encodeUnsigned(long value) {
    return encodeUnsigned(new BigInteger(Long.toUnsignedString(value)));
  }

  public static byte[] encodeSigned(BigInteger n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BigInteger v = n;
    while (true) {
      int b = v.and(MASK).intValue();
      v = v.shiftRight(7); // arithmetic shift
      boolean signBitSet = (b & 0x40) != 0;
      if ((v.signum() == 0 && !signBitSet) || (v.equals(BigInteger.ONE.negate()) && signBitSet)) {
        out.write(b);
        return out.toByteArray();
      }
      out.write(b | 0x80);
    }
  }

  /**
   * Decodes a complete unsigned LEB128 blob.
   *
   * @throws IllegalArgumentException if empty, truncated, not shortest form, or with trailing bytes
   */
  public static BigInteger decodeUnsigned(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("empty LEB128 value");
    }
    BigInteger v = BigInteger.ZERO;
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      v = v.or(BigInteger.valueOf(b & 0x7f).shiftLeft(7 * i));
      boolean last = (b & 0x80) == 0;
      if (last != (i == bytes.length - 1)) {
        throw new IllegalArgumentException(last ? "trailing bytes after a LEB128 value" : "truncated LEB128 value");
      }
      if (last && b == 0 && i > 0) {
        throw new IllegalArgumentException("LEB128 value is not in shortest form");
      }
    }
    return v;
  }

  /** @throws IllegalArgumentException additionally if the value does not fit 64 unsigned bits */
  public static long decodeUnsignedLong(byte[] bytes) {
    BigInteger v = decodeUnsigned(bytes);
    if (v.bitLength() > 64) {
      throw new IllegalArgumentException("LEB128 value exceeds 64 bits: " + v);
    }
    return v.longValue();
  }
}
