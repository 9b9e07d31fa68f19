package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import java.io.ByteArrayOutputStream;

/**
 * Writer of the DKG's canonical encodings: big-endian fixed-width integers, compressed points,
 * 32-byte scalars, u32-length-prefixed byte strings. One value has exactly one encoding.
 */
final class CanonicalWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  CanonicalWriter u8(int v) {
    out.write(v);
    return this;
  }

  CanonicalWriter u32(int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
    return this;
  }

  CanonicalWriter raw(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  /** u32 length || bytes. */
  CanonicalWriter lengthPrefixed(byte[] b) {
    return u32(b.length).raw(b);
  }

  CanonicalWriter g1(G1Point p) {
    return raw(p.toBytes());
  }

  CanonicalWriter scalar(Scalar s) {
    return raw(s.toBytes());
  }

  byte[] toBytes() {
    return out.toByteArray();
  }
}
