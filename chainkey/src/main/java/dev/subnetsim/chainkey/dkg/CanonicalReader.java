package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;
import dev.subnetsim.chainkey.bls12381.MalformedScalarException;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import dev.subnetsim.chainkey.bls12381.G2Point;
import java.util.Arrays;

/**
 * Reader of the canonical encodings written by {@link CanonicalWriter}. Every read checks the
 * remaining length first (so a hostile count never makes it allocate more than the input's size)
 * and every failure names the object and field; {@link #finish()} rejects trailing bytes.
 */
final class CanonicalReader {

  /** Upper bound on committee sizes and thresholds in any encoding (the IC's largest is 40). */
  static final int MAX_COUNT = 1024;

  private final byte[] in;
  private final String object;
  private int pos;

  CanonicalReader(byte[] in, String object) {
    if (in == null) {
      throw new MalformedDkgBytesException(object + ": null input");
    }
    this.in = in;
    this.object = object;
  }

  MalformedDkgBytesException error(String field, String what) {
    return new MalformedDkgBytesException(object + ": " + field + ": " + what);
  }

  private void need(int n, String field) {
    if (n < 0 || in.length - pos < n) {
      throw error(field, "truncated (need " + n + " bytes at offset " + pos + ", have " + (in.length - pos) + ")");
    }
  }

  int u8(String field) {
    need(1, field);
    return in[pos++] & 0xff;
  }

  /** An unsigned 32-bit value that must fit in a non-negative int. */
  int u32(String field) {
    need(4, field);
    int v = ((in[pos] & 0xff) << 24) | ((in[pos + 1] & 0xff) << 16) | ((in[pos + 2] & 0xff) << 8) | (in[pos + 3] & 0xff);
    pos += 4;
    if (v < 0) {
      throw error(field, "value " + Integer.toUnsignedString(v) + " exceeds 2^31-1");
    }
    return v;
  }

  /** A count in [min, MAX_COUNT] whose elements of elementBytes each must fit in the input. */
  int count(String field, int min, int elementBytes) {
    int c = u32(field);
    if (c < min || c > MAX_COUNT) {
      throw error(field, "count " + c + " outside [" + min + ", " + MAX_COUNT + "]");
    }
    if ((long) c * elementBytes > in.length - pos) {
      throw error(field, "count " + c + " needs " + (long) c * elementBytes + " bytes, only " + (in.length - pos) + " left");
    }
    return c;
  }

  byte[] raw(int n, String field) {
    need(n, field);
    byte[] b = Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return b;
  }

  byte[] lengthPrefixed(String field, int maxLength) {
    int len = u32(field + " length");
    if (len > maxLength) {
      throw error(field, "length " + len + " exceeds " + maxLength);
    }
    return raw(len, field);
  }

  G1Point g1(String field) {
    byte[] b = raw(G1Point.COMPRESSED_BYTES, field);
    try {
      return G1Point.fromBytes(b);
    } catch (MalformedPointException e) {
      throw new MalformedDkgBytesException(object + ": " + field + ": " + e.getMessage(), e);
    }
  }

  Scalar scalar(String field) {
    byte[] b = raw(Scalar.BYTES, field);
    try {
      return Scalar.fromBytes(b);
    } catch (MalformedScalarException e) {
      throw new MalformedDkgBytesException(object + ": " + field + ": " + e.getMessage(), e);
    }
  }

  /** u32 t || t compressed G2 points. */
  PublicCoefficients publicCoefficients(String field) {
    int t = count(field + " threshold", 1, G2Point.COMPRESSED_BYTES);
    byte[] b = raw(t * G2Point.COMPRESSED_BYTES, field);
    try {
      return PublicCoefficients.fromBytes(b);
    } catch (MalformedPointException e) {
      throw new MalformedDkgBytesException(object + ": " + field + ": " + e.getMessage(), e);
    }
  }

  void finish() {
    if (pos != in.length) {
      throw error("end", (in.length - pos) + " trailing bytes after the encoding");
    }
  }
}
