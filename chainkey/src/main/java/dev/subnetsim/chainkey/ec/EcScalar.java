package dev.subnetsim.chainkey.ec;

import dev.subnetsim.chainkey.hash.ExpandMessageXmd;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.util.BigIntegers;

/**
 * An element of Z_n, n the prime group order of an {@link EcCurve}. Immutable; operands must be
 * on the same curve. {@link #toString()} does not print the value: scalars are usually secrets.
 *
 * <p>Encodings: 32 bytes big-endian ({@link #toBytes()}, SEC1 / the IC's convention for all three
 * curves) or 32 bytes little-endian ({@link #toBytesLittleEndian()}, RFC 8032's convention for
 * Ed25519 scalars such as S in a signature). Canonical decoders reject values >= n; the
 * {@code reduce} factories take any-length input modulo n.
 */
public final class EcScalar {
  private final EcCurve curve;
  private final BigInteger value;

  private EcScalar(EcCurve curve, BigInteger value) {
    this.curve = curve;
    this.value = value;
  }

  public static EcScalar zero(EcCurve curve) {
    return new EcScalar(curve, BigInteger.ZERO);
  }

  public static EcScalar one(EcCurve curve) {
    return new EcScalar(curve, BigInteger.ONE);
  }

  /** {@code v mod n} (negative values allowed). */
  public static EcScalar of(EcCurve curve, long v) {
    return of(curve, BigInteger.valueOf(v));
  }

  /** {@code v mod n} (negative values allowed). */
  public static EcScalar of(EcCurve curve, BigInteger v) {
    return new EcScalar(curve, v.mod(curve.order()));
  }

  /** A uniformly random scalar: 64 bytes from {@code rng} reduced mod n (bias < 2^-250). */
  public static EcScalar random(EcCurve curve, SecureRandom rng) {
    byte[] b = new byte[64];
    rng.nextBytes(b);
    return fromBytesReduced(curve, b);
  }

  /** A uniformly random non-zero scalar. */
  public static EcScalar randomNonZero(EcCurve curve, SecureRandom rng) {
    EcScalar s;
    do {
      s = random(curve, rng);
    } while (s.isZero());
    return s;
  }

  /**
   * Hash to scalar, RFC 9380 section 5.2 hash_to_field with count 1, m 1, k = 128: 48 bytes of
   * expand_message_xmd(SHA-256) over {@code msg} with {@code dst}, read big-endian, mod n.
   */
  public static EcScalar hash(EcCurve curve, String dst, byte[] msg) {
    return fromBytesReduced(curve, ExpandMessageXmd.expand(msg, dst, 48));
  }

  /** 32-byte big-endian, canonical (value < n). */
  public static EcScalar fromBytes(EcCurve curve, byte[] bytes) {
    checkLength(curve, bytes);
    return canonical(curve, new BigInteger(1, bytes), "big-endian");
  }

  /** 32-byte little-endian (RFC 8032), canonical (value < n). */
  public static EcScalar fromBytesLittleEndian(EcCurve curve, byte[] bytes) {
    checkLength(curve, bytes);
    return canonical(curve, Curve25519Model.fromLittleEndian(bytes), "little-endian");
  }

  /** Any-length big-endian integer, reduced mod n. */
  public static EcScalar fromBytesReduced(EcCurve curve, byte[] bytes) {
    return of(curve, new BigInteger(1, bytes));
  }

  /** Any-length little-endian integer, reduced mod n (RFC 8032: SHA-512 output mod l). */
  public static EcScalar fromBytesLittleEndianReduced(EcCurve curve, byte[] bytes) {
    return of(curve, Curve25519Model.fromLittleEndian(bytes));
  }

  private static void checkLength(EcCurve curve, byte[] bytes) {
    if (bytes.length != curve.scalarLength()) {
      throw new InvalidEncodingException(
          curve.logName() + " scalar: expected " + curve.scalarLength() + " bytes, got " + bytes.length);
    }
  }

  private static EcScalar canonical(EcCurve curve, BigInteger v, String order) {
    if (v.compareTo(curve.order()) >= 0) {
      throw new InvalidEncodingException(
          curve.logName() + " scalar: non-canonical " + order + " encoding (value >= group order)");
    }
    return new EcScalar(curve, v);
  }

  public EcCurve curve() {
    return curve;
  }

  /** The value in [0, n). */
  public BigInteger toBigInteger() {
    return value;
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  public EcScalar add(EcScalar o) {
    return new EcScalar(curve, value.add(same(o).value).mod(curve.order()));
  }

  public EcScalar sub(EcScalar o) {
    return new EcScalar(curve, value.subtract(same(o).value).mod(curve.order()));
  }

  public EcScalar mul(EcScalar o) {
    return new EcScalar(curve, value.multiply(same(o).value).mod(curve.order()));
  }

  public EcScalar neg() {
    return new EcScalar(curve, value.negate().mod(curve.order()));
  }

  /**
   * The multiplicative inverse.
   *
   * @throws ArithmeticException for zero
   */
  public EcScalar inverse() {
    if (isZero()) {
      throw new ArithmeticException(curve.logName() + ": zero scalar has no inverse");
    }
    return new EcScalar(curve, value.modInverse(curve.order()));
  }

  /** 32 bytes big-endian. */
  public byte[] toBytes() {
    return BigIntegers.asUnsignedByteArray(curve.scalarLength(), value);
  }

  /** 32 bytes little-endian (RFC 8032). */
  public byte[] toBytesLittleEndian() {
    return Curve25519Model.littleEndian32(value);
  }

  private EcScalar same(EcScalar o) {
    if (o.curve != curve) {
      throw new IllegalArgumentException(
          "scalar curve mismatch: " + curve.logName() + " vs " + o.curve.logName());
    }
    return o;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EcScalar s && s.curve == curve && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(curve, value);
  }

  @Override
  public String toString() {
    return "EcScalar(" + curve.logName() + ", <secret>)";
  }
}
