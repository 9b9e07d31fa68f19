package dev.subnetsim.chainkey.bls12381;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An element of Fr, the scalar field of BLS12-381 (order r, 255 bits). Immutable.
 *
 * <p>Arithmetic is done with {@link BigInteger} modulo r: field operations cost well under a
 * microsecond, two orders of magnitude below the curve operations they feed, so a native field
 * implementation would not show up in any benchmark. Encoding: 32 bytes big-endian, canonical
 * (value &lt; r), as in the IC's and the ZCash serialization of BLS12-381 scalars.
 */
public final class Scalar implements Comparable<Scalar> {

  /** The group order r = 0x73eda753...00000001. */
  public static final BigInteger ORDER =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  public static final int BYTES = 32;

  public static final Scalar ZERO = new Scalar(BigInteger.ZERO);
  public static final Scalar ONE = new Scalar(BigInteger.ONE);

  private final BigInteger value;

  private Scalar(BigInteger reducedValue) {
    this.value = reducedValue;
  }

  /** {@code v mod r}; negative values wrap around (fromLong(-1) = r - 1). */
  public static Scalar fromLong(long v) {
    return fromBigInteger(BigInteger.valueOf(v));
  }

  /** {@code v mod r}. */
  public static Scalar fromBigInteger(BigInteger v) {
    return new Scalar(v.mod(ORDER));
  }

  /**
   * Decodes the canonical 32-byte big-endian encoding.
   *
   * @throws MalformedScalarException if the length is not 32 or the value is not below r
   */
  public static Scalar fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != BYTES) {
      throw new MalformedScalarException(
          "scalar must be " + BYTES + " bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    BigInteger v = new BigInteger(1, bytes);
    if (v.compareTo(ORDER) >= 0) {
      throw new MalformedScalarException("scalar is not below the group order r");
    }
    return new Scalar(v);
  }

  /** OS2IP(bytes) mod r, for hash outputs (RFC 9380 hash_to_field style reduction). */
  public static Scalar fromBytesReduced(byte[] bytes) {
    return fromBigInteger(new BigInteger(1, bytes));
  }

  /**
   * A uniformly random scalar in [0, r): rejection sampling of 255-bit strings, so no modular
   * bias (r is about 0.9 * 2^255, so on average 1.1 draws).
   */
  public static Scalar random(SecureRandom rng) {
    byte[] buf = new byte[BYTES];
    while (true) {
      rng.nextBytes(buf);
      buf[0] &= 0x7f;
      BigInteger v = new BigInteger(1, buf);
      if (v.compareTo(ORDER) < 0) {
        return new Scalar(v);
      }
    }
  }

  /** A uniformly random non-zero scalar (for secret keys and blinding factors). */
  public static Scalar randomNonZero(SecureRandom rng) {
    while (true) {
      Scalar s = random(rng);
      if (!s.isZero()) {
        return s;
      }
    }
  }

  public Scalar add(Scalar other) {
    return new Scalar(reduceOnce(value.add(other.value)));
  }

  public Scalar sub(Scalar other) {
    BigInteger d = value.subtract(other.value);
    return new Scalar(d.signum() < 0 ? d.add(ORDER) : d);
  }

  public Scalar mul(Scalar other) {
    return new Scalar(value.multiply(other.value).mod(ORDER));
  }

  public Scalar neg() {
    return value.signum() == 0 ? this : new Scalar(ORDER.subtract(value));
  }

  /**
   * The multiplicative inverse.
   *
   * @throws ArithmeticException for zero
   */
  public Scalar inverse() {
    if (isZero()) {
      throw new ArithmeticException("zero has no inverse in Fr");
    }
    return new Scalar(value.modInverse(ORDER));
  }

  /**
   * Inverses of all elements with one field inversion (Montgomery's trick: 3(k-1) multiplications
   * plus one inversion instead of k inversions).
   *
   * @throws ArithmeticException if any element is zero
   */
  public static java.util.List<Scalar> batchInverse(java.util.List<Scalar> xs) {
    int k = xs.size();
    if (k == 0) {
      return java.util.List.of();
    }
    BigInteger[] prefix = new BigInteger[k];
    BigInteger acc = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      if (xs.get(i).isZero()) {
        throw new ArithmeticException("zero has no inverse in Fr (element " + i + ")");
      }
      prefix[i] = acc;
      acc = acc.multiply(xs.get(i).value).mod(ORDER);
    }
    BigInteger inv = acc.modInverse(ORDER);
    Scalar[] out = new Scalar[k];
    for (int i = k - 1; i >= 0; i--) {
      out[i] = new Scalar(inv.multiply(prefix[i]).mod(ORDER));
      inv = inv.multiply(xs.get(i).value).mod(ORDER);
    }
    return java.util.List.of(out);
  }

  /** {@code this^e} for a non-negative exponent. */
  public Scalar pow(BigInteger e) {
    if (e.signum() < 0) {
      throw new IllegalArgumentException("negative exponent; use inverse().pow(-e)");
    }
    return new Scalar(value.modPow(e, ORDER));
  }

  public Scalar pow(long e) {
    return pow(BigInteger.valueOf(e));
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  public BigInteger toBigInteger() {
    return value;
  }

  /** The canonical 32-byte big-endian encoding. */
  public byte[] toBytes() {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[BYTES];
    int copy = Math.min(raw.length, BYTES);
    System.arraycopy(raw, raw.length - copy, out, BYTES - copy, copy);
    return out;
  }

  /** blst's scalar type, for point multiplication. */
  supranational.blst.Scalar toBlst() {
    return new supranational.blst.Scalar().from_bendian(toBytes());
  }

  private static BigInteger reduceOnce(BigInteger v) {
    return v.compareTo(ORDER) >= 0 ? v.subtract(ORDER) : v;
  }

  @Override
  public int compareTo(Scalar o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scalar s && value.equals(s.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "Scalar(" + HexFormat.of().formatHex(toBytes()) + ")";
  }
}
