package dev.subnetsim.chainkey.ec;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The three prime-order groups of the IC's canister threshold signatures, on Bouncy Castle's
 * optimized curve implementations.
 *
 * <ul>
 *   <li>{@link #SECP256K1} (SEC 2 section 2.4.1) and {@link #P256} (secp256r1, SEC 2 section
 *       2.4.2): cofactor 1; points encode as SEC1 compressed (33 bytes), scalars as 32-byte
 *       big-endian.
 *   <li>{@link #ED25519}: the prime-order subgroup of edwards25519 (RFC 8032 section 5.1; order
 *       l = 2^252 + 27742317777372353535851937790883648493, cofactor 8). Arithmetic runs on Bouncy
 *       Castle's short-Weierstrass model of Curve25519 (birationally equivalent: RFC 7748 section
 *       4.1), and points are mapped to the 32-byte RFC 8032 encoding at the edges; the Montgomery
 *       u-coordinate (X25519) is available too. Scalars encode 32-byte big-endian by default like
 *       the other curves; RFC 8032 uses little-endian, offered explicitly by {@link EcScalar}.
 * </ul>
 */
public enum EcCurve {
  SECP256K1("secp256k1", 33),
  P256("secp256r1", 33),
  ED25519("curve25519", 32);

  private final X9ECParameters params;
  private final int pointLength;
  // Cached: X9ECParameters.getG() is synchronized.
  private final ECPoint bcGenerator;
  private final EcPoint generatorPoint;

  EcCurve(String bcName, int pointLength) {
    this.params = CustomNamedCurves.getByName(bcName);
    this.pointLength = pointLength;
    this.bcGenerator = params.getG();
    this.generatorPoint = EcPoint.generator(this); // one immutable instance: its encoding is cached
  }

  /** The prime order of the group (n, or l for Ed25519). */
  public BigInteger order() {
    return params.getN();
  }

  /** The prime p of the base field. */
  public BigInteger fieldPrime() {
    return params.getCurve().getField().getCharacteristic();
  }

  /** Length of a scalar encoding: 32 bytes on all three curves. */
  public int scalarLength() {
    return 32;
  }

  /** Length of a point encoding: 33 (SEC1 compressed) or 32 (RFC 8032). */
  public int pointLength() {
    return pointLength;
  }

  /** Whether this is the Edwards curve (RFC 8032 encodings, cofactor 8). */
  public boolean isEdwards() {
    return this == ED25519;
  }

  /** The standard generator (SEC 2 G; for Ed25519 the RFC 8032 base point B). */
  public EcPoint generator() {
    return generatorPoint;
  }

  /** The identity element (point at infinity; Edwards (0, 1)). */
  public EcPoint identity() {
    return EcPoint.identity(this);
  }

  /** The curve's name as used in the artifacts log: secp256k1, p256, ed25519. */
  public String logName() {
    return switch (this) {
      case SECP256K1 -> "secp256k1";
      case P256 -> "p256";
      case ED25519 -> "ed25519";
    };
  }

  ECCurve bcCurve() {
    return params.getCurve();
  }

  ECPoint bcGenerator() {
    return bcGenerator;
  }

  BigInteger cofactor() {
    return params.getH();
  }
}
