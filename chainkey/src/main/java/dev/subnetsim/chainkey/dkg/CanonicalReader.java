package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;
import dev.subnetsim.chainkey.bls12381.MalformedScalarException;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;

/**
 * The shared {@link BigEndianReader} with the DKG's field types (points, scalars, bounded counts)
 * and its exception: every failure is a {@link MalformedDkgBytesException} naming the object and
 * field.
 */
final class CanonicalReader extends BigEndianReader {

  /** Upper bound on committee sizes and thresholds in any encoding (the IC's largest is 40). */
  static final int MAX_COUNT = 1024;

  CanonicalReader(byte[] in, String object) {
    super(in, object);
  }

  @Override
  protected MalformedDkgBytesException error(String field, String what) {
    return new MalformedDkgBytesException(object() + ": " + field + ": " + what);
  }

  @Override
  protected MalformedDkgBytesException error(String field, String what, Throwable cause) {
    return new MalformedDkgBytesException(object() + ": " + field + ": " + what, cause);
  }

  /** A count in [min, MAX_COUNT] whose elements of elementBytes each must fit in the input. */
  int count(String field, int min, int elementBytes) {
    int c = u32(field);
    if (c < min || c > MAX_COUNT) {
      throw error(field, "count " + c + " outside [" + min + ", " + MAX_COUNT + "]");
    }
    if ((long) c * elementBytes > remaining()) {
      throw error(field, "count " + c + " needs " + (long) c * elementBytes + " bytes, only "
          + remaining() + " left");
    }
    return c;
  }

  G1Point g1(String field) {
    byte[] b = raw(G1Point.COMPRESSED_BYTES, field);
    try {
      return G1Point.fromBytes(b);
    } catch (MalformedPointException e) {
      throw error(field, e.getMessage(), e);
    }
  }

  Scalar scalar(String field) {
    byte[] b = raw(Scalar.BYTES, field);
    try {
      return Scalar.fromBytes(b);
    } catch (MalformedScalarException e) {
      throw error(field, e.getMessage(), e);
    }
  }

  /** u32 t || t compressed G2 points. */
  PublicCoefficients publicCoefficients(String field) {
    int t = count(field + " threshold", 1, G2Point.COMPRESSED_BYTES);
    byte[] b = raw(t * G2Point.COMPRESSED_BYTES, field);
    try {
      return PublicCoefficients.fromBytes(b);
    } catch (MalformedPointException e) {
      throw error(field, e.getMessage(), e);
    }
  }
}
