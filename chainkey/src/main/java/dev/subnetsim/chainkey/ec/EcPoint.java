package dev.subnetsim.chainkey.ec;

import dev.subnetsim.chainkey.hash.ExpandMessageXmd;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.encoders.Hex;

/**
 * An element of the prime-order group of an {@link EcCurve}. Immutable. Every instance lies in the
 * prime-order subgroup: decoders reject anything else (for Ed25519 that means small-order points
 * and points with a torsion component).
 *
 * <p>Encodings ({@link #encode()}): SEC1 compressed, 33 bytes, for secp256k1 and P-256 (SEC 1
 * v2 section 2.3.3); RFC 8032 section 5.1.2, 32 bytes, for Ed25519. The identity encodes as the
 * single SEC1 byte {@code 00} on the Weierstrass curves and as y = 1 on Ed25519; it is never
 * accepted by {@link #decode} (no public key, share or commitment of these protocols is the
 * identity except with negligible probability, and accepting it would let a peer force a known
 * result).
 */
public final class EcPoint {
  private final EcCurve curve;
  private final ECPoint point; // normalized (affine) Bouncy Castle point
  // Multiplied with a comb table (the generator, withFixedBaseTable points), built on first use;
  // a benign race at worst builds two equal tables.
  private final boolean fixedBase;
  private volatile CombTable table;
  // Encoding computed once (Ed25519's needs two field inversions); a benign race at worst
  // computes it twice. Never handed out: encode() returns a copy.
  private byte[] encoded;

  private EcPoint(EcCurve curve, ECPoint point, boolean fixedBase) {
    this.curve = curve;
    this.point = point.normalize();
    this.fixedBase = fixedBase;
  }

  /** A point from a Bouncy Castle point of {@code curve}'s group (normalized here, once). */
  static EcPoint of(EcCurve curve, ECPoint point) {
    return new EcPoint(curve, point, false);
  }

  /** The Bouncy Castle point, affine. */
  ECPoint bc() {
    return point;
  }

  /**
   * The same point, multiplied by the returned instance with a fixed-base comb ({@link #mul} 2 to
   * 4x faster than a variable-base multiplication, {@link CombTable}) whose table costs about two
   * multiplications, is built on the first one and is kept as long as the returned instance (not
   * this one): for bases multiplied many times, such as the Pedersen H, the receivers' encryption
   * keys, or a dealing's ephemeral key while every receiver decrypts. Same results.
   */
  public EcPoint withFixedBaseTable() {
    return fixedBase || point.isInfinity() ? this : new EcPoint(curve, point, true);
  }

  static EcPoint generator(EcCurve curve) {
    return new EcPoint(curve, curve.bcGenerator(), true);
  }

  static EcPoint identity(EcCurve curve) {
    return new EcPoint(curve, curve.bcCurve().getInfinity(), false);
  }

  /** s*G with the curve's fixed-base comb (faster than a variable-base multiplication). */
  public static EcPoint mulGenerator(EcScalar s) {
    return s.curve().generator().mul(s);
  }

  /**
   * a*P + b*Q, normalized once; two comb-table points (a Pedersen commitment a*G + b*H) share
   * their doublings.
   */
  public static EcPoint mulAdd(EcScalar a, EcPoint p, EcScalar b, EcPoint q) {
    EcCurve curve = p.curve;
    p.same(curve, q);
    if (p.fixedBase && q.fixedBase && !p.isIdentity() && !q.isIdentity()) {
      p.checkScalar(a);
      q.checkScalar(b);
      return new EcPoint(curve, p.comb().sumOfProducts(a.toBigInteger(), q.comb(),
          b.toBigInteger()), false);
    }
    return new EcPoint(curve, p.product(a).add(q.product(b)), false);
  }

  /**
   * sum_i s_i * P_i by interleaved multi-scalar multiplication (Bouncy Castle's
   * {@code ECAlgorithms.sumOfMultiplies}, Straus/Shamir trick with wNAF).
   */
  public static EcPoint multiScalarMul(List<EcPoint> points, List<EcScalar> scalars) {
    if (points.size() != scalars.size()) {
      throw new IllegalArgumentException(
          "multiScalarMul: " + points.size() + " points but " + scalars.size() + " scalars");
    }
    if (points.isEmpty()) {
      throw new IllegalArgumentException("multiScalarMul: no terms (curve unknown)");
    }
    EcCurve curve = points.get(0).curve;
    List<ECPoint> ps = new ArrayList<>();
    List<BigInteger> ks = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      EcPoint p = points.get(i).same(curve);
      EcScalar k = scalars.get(i);
      if (k.curve() != curve) {
        throw new IllegalArgumentException("multiScalarMul: scalar " + i + " is on " + k.curve().logName());
      }
      if (!p.isIdentity() && !k.isZero()) {
        ps.add(p.point);
        ks.add(k.toBigInteger());
      }
    }
    if (ps.isEmpty()) {
      return identity(curve);
    }
    ECPoint r = ECAlgorithms.sumOfMultiplies(ps.toArray(new ECPoint[0]), ks.toArray(new BigInteger[0]));
    return new EcPoint(curve, r, false);
  }

  /**
   * A group element nobody knows the discrete logarithm of, e.g. the second generator H of
   * Pedersen commitments: try-and-increment over ExpandMessageXmd(seed || counter, dst) as a
   * candidate x-coordinate (SEC1, even y) or y-coordinate (RFC 8032, sign 0), the first candidate
   * that decodes wins; on Ed25519 the point is multiplied by the cofactor 8 to land in the
   * prime-order subgroup. Deterministic. Not RFC 9380 hash_to_curve (whose SSWU/Elligator maps
   * are constant-time): the output is only ever derived from public inputs, so the
   * variable number of attempts leaks nothing.
   */
  public static EcPoint hashToPoint(EcCurve curve, String dst, byte[] seed) {
    for (int counter = 0; counter < 1 << 16; counter++) {
      byte[] msg = Arrays.copyOf(seed, seed.length + 4);
      msg[seed.length] = (byte) (counter >>> 24);
      msg[seed.length + 1] = (byte) (counter >>> 16);
      msg[seed.length + 2] = (byte) (counter >>> 8);
      msg[seed.length + 3] = (byte) counter;
      byte[] candidate = ExpandMessageXmd.expand(msg, dst, 32);
      try {
        if (curve.isEdwards()) {
          candidate[31] &= 0x7f;
          ECPoint p = Curve25519Model.decode(candidate).multiply(curve.cofactor());
          if (!p.isInfinity()) {
            return new EcPoint(curve, p, false);
          }
        } else {
          byte[] enc = new byte[33];
          enc[0] = 0x02;
          System.arraycopy(candidate, 0, enc, 1, 32);
          return new EcPoint(curve, decodeSec1(curve, enc), false);
        }
      } catch (InvalidEncodingException e) {
        // not on the curve (or x >= p): next counter
      }
    }
    throw new IllegalStateException("hashToPoint: no point found in 2^16 attempts");
  }

  /**
   * Decodes a SEC1 compressed point (33 bytes, prefix 02/03) or an RFC 8032 point (32 bytes),
   * strictly.
   *
   * @throws InvalidEncodingException naming the curve and the defect: wrong length, bad prefix,
   *     coordinate >= p, not on the curve, identity, small order, or not in the prime-order
   *     subgroup
   */
  public static EcPoint decode(EcCurve curve, byte[] bytes) {
    ECPoint p = curve.isEdwards() ? Curve25519Model.decode(bytes) : decodeSec1(curve, bytes);
    return checkedSubgroupPoint(curve, p, curve.logName() + " point");
  }

  private static ECPoint decodeSec1(EcCurve curve, byte[] bytes) {
    String what = curve.logName() + " point";
    if (bytes.length != 33) {
      throw new InvalidEncodingException(what + ": expected 33 bytes (SEC1 compressed), got " + bytes.length);
    }
    if (bytes[0] != 0x02 && bytes[0] != 0x03) {
      throw new InvalidEncodingException(
          what + ": bad SEC1 prefix 0x" + String.format("%02x", bytes[0]) + " (expected 02 or 03)");
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(bytes, 1, 33));
    if (x.compareTo(curve.fieldPrime()) >= 0) {
      throw new InvalidEncodingException(what + ": non-canonical x-coordinate (>= p)");
    }
    try {
      return curve.bcCurve().decodePoint(bytes);
    } catch (IllegalArgumentException e) {
      throw new InvalidEncodingException(what + ": not on the curve (no y for this x)", e);
    }
  }

  /**
   * A Weierstrass point from affine coordinates (e.g. a JCA {@code ECPublicKey}).
   *
   * @throws InvalidEncodingException if not on the curve, or on Ed25519
   */
  public static EcPoint fromAffine(EcCurve curve, BigInteger x, BigInteger y) {
    if (curve.isEdwards()) {
      throw new IllegalArgumentException("fromAffine is for the Weierstrass curves; use decode for ed25519");
    }
    if (x.signum() < 0 || y.signum() < 0 || x.compareTo(curve.fieldPrime()) >= 0 || y.compareTo(curve.fieldPrime()) >= 0) {
      throw new InvalidEncodingException(curve.logName() + " point: affine coordinate out of range [0, p)");
    }
    ECPoint p;
    try {
      p = curve.bcCurve().validatePoint(x, y);
    } catch (IllegalArgumentException e) {
      throw new InvalidEncodingException(curve.logName() + " point: (x, y) is not on the curve", e);
    }
    return checkedSubgroupPoint(curve, p, curve.logName() + " point");
  }

  /**
   * The point of edwards25519's prime-order subgroup with Montgomery u-coordinate {@code u} (an
   * X25519 public key, RFC 7748 section 5: 32 bytes little-endian, the most significant bit
   * masked). Of the two points +-P with this u the one with even v is returned; X25519 only ever
   * sees u, and u(k*P) = u(k*(-P)).
   *
   * <p>Stricter than RFC 7748 on purpose: a non-canonical u (>= p) is rejected instead of reduced,
   * as are u on the twist, small-order points and points outside the prime-order subgroup (a
   * threshold ECDH result must not be steerable into a small subgroup).
   */
  public static EcPoint fromMontgomeryU(byte[] uBytes) {
    if (uBytes.length != 32) {
      throw new InvalidEncodingException("x25519 u-coordinate: expected 32 bytes, got " + uBytes.length);
    }
    byte[] masked = uBytes.clone();
    masked[31] &= 0x7f;
    BigInteger u = Curve25519Model.fromLittleEndian(masked);
    if (u.compareTo(Curve25519Model.P) >= 0) {
      throw new InvalidEncodingException("x25519 u-coordinate: non-canonical (>= p)");
    }
    return checkedSubgroupPoint(EcCurve.ED25519, Curve25519Model.fromMontgomeryU(u), "x25519 u-coordinate");
  }

  private static EcPoint checkedSubgroupPoint(EcCurve curve, ECPoint p, String what) {
    if (p.isInfinity()) {
      throw new InvalidEncodingException(what + ": the identity is not accepted");
    }
    BigInteger h = curve.cofactor();
    if (!h.equals(BigInteger.ONE)) {
      if (p.multiply(h).isInfinity()) {
        throw new InvalidEncodingException(what + ": small-order point (order divides the cofactor " + h + ")");
      }
      if (!p.multiply(curve.order()).isInfinity()) {
        throw new InvalidEncodingException(what + ": not in the prime-order subgroup (has a torsion component)");
      }
    }
    return new EcPoint(curve, p, false);
  }

  public EcCurve curve() {
    return curve;
  }

  public boolean isIdentity() {
    return point.isInfinity();
  }

  public EcPoint add(EcPoint o) {
    return new EcPoint(curve, point.add(same(curve, o).point), false);
  }

  public EcPoint sub(EcPoint o) {
    return new EcPoint(curve, point.subtract(same(curve, o).point), false);
  }

  public EcPoint neg() {
    return new EcPoint(curve, point.negate(), false);
  }

  /** s * this (the generator and {@link #withFixedBaseTable} points use a fixed-base comb). */
  public EcPoint mul(EcScalar s) {
    return new EcPoint(curve, product(s), false);
  }

  /** s * this, not normalized (projective). */
  private ECPoint product(EcScalar s) {
    checkScalar(s);
    if (fixedBase && !point.isInfinity()) {
      return comb().multiply(s.toBigInteger());
    }
    return point.multiply(s.toBigInteger());
  }

  private void checkScalar(EcScalar s) {
    if (s.curve() != curve) {
      throw new IllegalArgumentException("scalar on " + s.curve().logName() + ", point on " + curve.logName());
    }
  }

  private CombTable comb() {
    CombTable t = table;
    if (t == null) {
      t = new CombTable(point);
      table = t;
    }
    return t;
  }

  /** SEC1 compressed (33 bytes) or RFC 8032 (32 bytes); see the class comment for the identity. */
  public byte[] encode() {
    byte[] e = encoded;
    if (e == null) {
      e = curve.isEdwards() ? Curve25519Model.encode(point) : point.getEncoded(true);
      encoded = e;
    }
    return e.clone();
  }

  /** Affine x of a Weierstrass point (the ECDH shared secret is its 32-byte big-endian form). */
  public BigInteger affineX() {
    requireWeierstrass("affineX");
    return point.getAffineXCoord().toBigInteger();
  }

  /** Affine y of a Weierstrass point (BIP340 needs its parity). */
  public BigInteger affineY() {
    requireWeierstrass("affineY");
    return point.getAffineYCoord().toBigInteger();
  }

  /** Whether the affine y of a Weierstrass point is even (BIP340's implicit-y convention). */
  public boolean hasEvenY() {
    return !affineY().testBit(0);
  }

  /**
   * BIP340 lift_x: the point with x-coordinate {@code x32} (32 bytes big-endian) and even y.
   *
   * @throws InvalidEncodingException if x >= p or no point has this x
   */
  public static EcPoint liftX(EcCurve curve, byte[] x32) {
    if (curve.isEdwards() || x32.length != 32) {
      throw new InvalidEncodingException("liftX needs a 32-byte x on secp256k1/P-256");
    }
    byte[] enc = new byte[33];
    enc[0] = 0x02;
    System.arraycopy(x32, 0, enc, 1, 32);
    return decode(curve, enc);
  }

  /** The 32-byte big-endian affine x-coordinate (SEC1 FE2OSP; ECDH output, BIP340 x-only key). */
  public byte[] xCoordinateBytes() {
    return BigIntegers.asUnsignedByteArray(32, affineX());
  }

  /** The Montgomery u-coordinate of an Ed25519-group point, 32 bytes little-endian (RFC 7748). */
  public byte[] montgomeryU() {
    if (!curve.isEdwards()) {
      throw new IllegalStateException("montgomeryU is defined for ed25519 only, not " + curve.logName());
    }
    return Curve25519Model.littleEndian32(Curve25519Model.montgomeryU(point));
  }

  private void requireWeierstrass(String op) {
    if (curve.isEdwards() || isIdentity()) {
      throw new IllegalStateException(op + " needs a non-identity secp256k1/P-256 point, this is "
          + (isIdentity() ? "the identity" : "an ed25519 point"));
    }
  }

  private EcPoint same(EcCurve c, EcPoint o) {
    if (o.curve != curve) {
      throw new IllegalArgumentException("point curve mismatch: " + curve.logName() + " vs " + o.curve.logName());
    }
    return o;
  }

  private EcPoint same(EcCurve c) {
    if (curve != c) {
      throw new IllegalArgumentException("point curve mismatch: " + c.logName() + " vs " + curve.logName());
    }
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EcPoint p && p.curve == curve && p.point.equals(point);
  }

  @Override
  public int hashCode() {
    return 31 * curve.hashCode() + point.hashCode();
  }

  @Override
  public String toString() {
    return "EcPoint(" + curve.logName() + ", " + Hex.toHexString(encode()) + ")";
  }
}
