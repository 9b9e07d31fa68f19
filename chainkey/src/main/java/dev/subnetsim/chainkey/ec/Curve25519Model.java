package dev.subnetsim.chainkey.ec;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The three models of the curve 25519 group and the maps between them (RFC 7748 section 4.1):
 *
 * <ul>
 *   <li>Montgomery (X25519): v^2 = u^3 + A u^2 + u, A = 486662;
 *   <li>twisted Edwards (Ed25519): -x^2 + y^2 = 1 + d x^2 y^2, d = -121665/121666;
 *   <li>short Weierstrass (Bouncy Castle's {@code curve25519}): X = u + A/3, Y = v.
 * </ul>
 *
 * (u, v) = ((1+y)/(1-y), sqrt(-486664) u / x) and (x, y) = (sqrt(-486664) u / v, (u-1)/(u+1)),
 * with the square root chosen so that the base points correspond (checked at class load: the
 * Weierstrass generator maps to u = 9 and to the RFC 8032 base point). The exceptional points of
 * the maps are the identity (Edwards (0,1), point at infinity) and the point of order two
 * (Edwards (0,-1), Montgomery (0,0)), handled explicitly.
 */
// Points are built with createPoint, not validatePoint: Bouncy Castle's validation includes a
// subgroup check, and the decoders must first see small-order points to name them in the error.
// The maps are algebraic, so their output is on the curve; EcPoint checks the subgroup.
final class Curve25519Model {
  private Curve25519Model() {}

  static final BigInteger P = EcCurve.ED25519.fieldPrime();
  private static final BigInteger A = BigInteger.valueOf(486662);
  private static final BigInteger A_OVER_3 = A.multiply(BigInteger.valueOf(3).modInverse(P)).mod(P);
  private static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
  private static final BigInteger SQRT_MINUS_486664;

  static {
    ECCurve curve = EcCurve.ED25519.bcCurve();
    ECPoint g = EcCurve.ED25519.bcGenerator().normalize();
    BigInteger u = g.getAffineXCoord().toBigInteger().subtract(A_OVER_3).mod(P);
    if (!u.equals(BigInteger.valueOf(9))) {
      throw new IllegalStateException("Bouncy Castle curve25519 generator is not u = 9");
    }
    BigInteger v = g.getAffineYCoord().toBigInteger();
    ECFieldElement root = curve.fromBigInteger(P.subtract(BigInteger.valueOf(486664))).sqrt();
    BigInteger c = root.toBigInteger();
    // RFC 8032 base point: y = 4/5, x "positive" (even).
    BigInteger x = c.multiply(u).multiply(inv(v)).mod(P);
    if (x.testBit(0)) {
      c = P.subtract(c);
    }
    SQRT_MINUS_486664 = c;
  }

  /** Weierstrass point -> Edwards (x, y); identity -> (0, 1). */
  static BigInteger[] toEdwards(ECPoint w) {
    if (w.isInfinity()) {
      return new BigInteger[] {BigInteger.ZERO, BigInteger.ONE};
    }
    ECPoint n = w.normalize();
    BigInteger u = n.getAffineXCoord().toBigInteger().subtract(A_OVER_3).mod(P);
    BigInteger v = n.getAffineYCoord().toBigInteger();
    if (v.signum() == 0) { // only (0,0) on this curve: A^2 - 4 is not a square mod p
      return new BigInteger[] {BigInteger.ZERO, P.subtract(BigInteger.ONE)};
    }
    BigInteger x = SQRT_MINUS_486664.multiply(u).multiply(inv(v)).mod(P);
    BigInteger y = u.subtract(BigInteger.ONE).multiply(inv(u.add(BigInteger.ONE))).mod(P);
    return new BigInteger[] {x, y};
  }

  /** Edwards (x, y), assumed on the curve -> Weierstrass point. */
  static ECPoint fromEdwards(BigInteger x, BigInteger y) {
    ECCurve curve = EcCurve.ED25519.bcCurve();
    if (x.signum() == 0 && y.equals(BigInteger.ONE)) {
      return curve.getInfinity();
    }
    if (x.signum() == 0) { // (0, -1) -> (0, 0)
      return curve.createPoint(A_OVER_3, BigInteger.ZERO);
    }
    BigInteger u = BigInteger.ONE.add(y).multiply(inv(BigInteger.ONE.subtract(y).mod(P))).mod(P);
    BigInteger v = SQRT_MINUS_486664.multiply(u).multiply(inv(x)).mod(P);
    return curve.createPoint(u.add(A_OVER_3).mod(P), v);
  }

  /** RFC 8032 section 5.1.2: 255-bit little-endian y with the low bit of x in bit 255. */
  static byte[] encode(ECPoint w) {
    BigInteger[] xy = toEdwards(w);
    byte[] out = littleEndian32(xy[1]);
    if (xy[0].testBit(0)) {
      out[31] |= (byte) 0x80;
    }
    return out;
  }

  /**
   * RFC 8032 section 5.1.3 decoding, strict: y must be canonical (< p), x must exist, and the
   * "negative zero" (x = 0 with the sign bit set) is rejected.
   */
  static ECPoint decode(byte[] bytes) {
    if (bytes.length != 32) {
      throw new InvalidEncodingException(
          "ed25519 point: expected 32 bytes (RFC 8032), got " + bytes.length);
    }
    byte[] copy = bytes.clone();
    boolean sign = (copy[31] & 0x80) != 0;
    copy[31] &= 0x7f;
    BigInteger y = fromLittleEndian(copy);
    if (y.compareTo(P) >= 0) {
      throw new InvalidEncodingException("ed25519 point: non-canonical y-coordinate (>= p)");
    }
    ECCurve curve = EcCurve.ED25519.bcCurve();
    BigInteger y2 = y.multiply(y).mod(P);
    BigInteger num = y2.subtract(BigInteger.ONE).mod(P);
    BigInteger den = D.multiply(y2).add(BigInteger.ONE).mod(P);
    BigInteger x2 = num.multiply(inv(den)).mod(P);
    BigInteger x;
    if (x2.signum() == 0) {
      if (sign) {
        throw new InvalidEncodingException("ed25519 point: non-canonical encoding (x = 0, sign bit 1)");
      }
      x = BigInteger.ZERO;
    } else {
      ECFieldElement root = curve.fromBigInteger(x2).sqrt();
      if (root == null) {
        throw new InvalidEncodingException("ed25519 point: not on the curve (no x for this y)");
      }
      x = root.toBigInteger();
      if (x.testBit(0) != sign) {
        x = P.subtract(x);
      }
    }
    return fromEdwards(x, y);
  }

  /** The Montgomery u-coordinate of a Weierstrass point (identity -> 0, as X25519 outputs). */
  static BigInteger montgomeryU(ECPoint w) {
    if (w.isInfinity()) {
      return BigInteger.ZERO;
    }
    return w.normalize().getAffineXCoord().toBigInteger().subtract(A_OVER_3).mod(P);
  }

  /**
   * One of the two points with Montgomery u-coordinate u (the one with even v); both have the
   * same u-coordinate after any scalar multiplication, which is all X25519 looks at.
   *
   * @throws InvalidEncodingException if u is not the coordinate of a point of Curve25519 (it lies
   *     on the quadratic twist)
   */
  static ECPoint fromMontgomeryU(BigInteger u) {
    BigInteger rhs = u.pow(3).add(A.multiply(u).multiply(u)).add(u).mod(P);
    ECCurve curve = EcCurve.ED25519.bcCurve();
    BigInteger v;
    if (rhs.signum() == 0) {
      v = BigInteger.ZERO;
    } else {
      ECFieldElement root = curve.fromBigInteger(rhs).sqrt();
      if (root == null) {
        throw new InvalidEncodingException(
            "x25519 u-coordinate: not on Curve25519 (the point lies on the quadratic twist)");
      }
      v = root.toBigInteger();
      if (v.testBit(0)) {
        v = P.subtract(v);
      }
    }
    return curve.createPoint(u.add(A_OVER_3).mod(P), v);
  }

  /** 1/a mod p with Bouncy Castle's field inversion (several times faster than BigInteger's). */
  private static BigInteger inv(BigInteger a) {
    return EcCurve.ED25519.bcCurve().fromBigInteger(a.mod(P)).invert().toBigInteger();
  }

  static byte[] littleEndian32(BigInteger value) {
    byte[] out = new byte[32];
    byte[] be = value.toByteArray();
    for (int i = 0; i < be.length && i < 32; i++) {
      out[i] = be[be.length - 1 - i];
    }
    return out;
  }

  static BigInteger fromLittleEndian(byte[] le) {
    byte[] be = new byte[le.length];
    for (int i = 0; i < le.length; i++) {
      be[i] = le[le.length - 1 - i];
    }
    return new BigInteger(1, be);
  }
}
