package dev.subnetsim.chainkey.ecdh;

import dev.subnetsim.chainkey.ec.EcCurve;
import dev.subnetsim.chainkey.ec.EcPoint;
import dev.subnetsim.chainkey.ec.InvalidEncodingException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The three ECDH flavours and their wire formats (docs/FORMATS.md, artifacts log: ECDH
 * {@code shared_secret} is the 32-byte x-coordinate, the u-coordinate for X25519).
 *
 * <ul>
 *   <li>{@link #P256}, {@link #SECP256K1}: public keys SEC1 compressed (33 bytes; uncompressed 65
 *       bytes accepted from peers), shared secret = affine x of x*Q, 32 bytes big-endian (SEC 1
 *       section 3.3.1, the value JCA's "ECDH" KeyAgreement returns).
 *   <li>{@link #X25519}: public keys and the shared secret are Montgomery u-coordinates, 32 bytes
 *       little-endian (RFC 7748 section 5); the threshold arithmetic runs in edwards25519's
 *       prime-order group (see {@link ThresholdEcdh} for why a plain X25519 peer agrees).
 * </ul>
 */
public enum EcdhGroup {
  P256(EcCurve.P256),
  SECP256K1(EcCurve.SECP256K1),
  X25519(EcCurve.ED25519);

  private final EcCurve curve;

  EcdhGroup(EcCurve curve) {
    this.curve = curve;
  }

  public EcCurve curve() {
    return curve;
  }

  /** The artifacts-log name: p256, secp256k1, x25519. */
  public String logName() {
    return this == X25519 ? "x25519" : curve.logName();
  }

  /** The group of a threshold key's curve (ED25519 keys do ECDH as X25519). */
  public static EcdhGroup of(EcCurve curve) {
    return switch (curve) {
      case P256 -> P256;
      case SECP256K1 -> SECP256K1;
      case ED25519 -> X25519;
    };
  }

  /**
   * A peer's public key: SEC1 (compressed or uncompressed) or an X25519 u-coordinate.
   *
   * @throws InvalidEncodingException on malformed, off-curve, small-order or twist input
   */
  public EcPoint decodePublicKey(byte[] bytes) {
    if (this == X25519) {
      return EcPoint.fromMontgomeryU(bytes);
    }
    if (bytes.length == 65 && bytes[0] == 0x04) {
      byte[] x = Arrays.copyOfRange(bytes, 1, 33);
      byte[] y = Arrays.copyOfRange(bytes, 33, 65);
      return EcPoint.fromAffine(curve, new BigInteger(1, x), new BigInteger(1, y));
    }
    return EcPoint.decode(curve, bytes);
  }

  /** The wire form of a public key: SEC1 compressed, or the X25519 u-coordinate. */
  public byte[] encodePublicKey(EcPoint p) {
    requireCurve(p);
    return this == X25519 ? p.montgomeryU() : p.encode();
  }

  /** The ECDH shared secret of the point x*Q: its x- or u-coordinate, 32 bytes. */
  public byte[] sharedSecret(EcPoint p) {
    requireCurve(p);
    if (p.isIdentity()) {
      throw new IllegalArgumentException("ECDH result is the identity (invalid peer key)");
    }
    return this == X25519 ? p.montgomeryU() : p.xCoordinateBytes();
  }

  private void requireCurve(EcPoint p) {
    if (p.curve() != curve) {
      throw new IllegalArgumentException(logName() + " needs a " + curve.logName() + " point, got " + p.curve().logName());
    }
  }
}
