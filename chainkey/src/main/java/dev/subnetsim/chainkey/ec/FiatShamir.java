package dev.subnetsim.chainkey.ec;

import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import java.nio.charset.StandardCharsets;

/**
 * The Fiat-Shamir challenge of the EC sigma proofs (DLEQ, encrypted DH share): the curve's name,
 * the context and every point, each u32-length-prefixed, hashed to a scalar under {@code dst}.
 * Length prefixes make the transcript unambiguous whatever the point encodings' sizes.
 */
public final class FiatShamir {
  private FiatShamir() {}

  /** @param points at least one, all on one curve */
  public static EcScalar challenge(String dst, byte[] context, EcPoint... points) {
    EcCurve curve = points[0].curve();
    BigEndianWriter t = new BigEndianWriter()
        .lengthPrefixed(curve.logName().getBytes(StandardCharsets.US_ASCII))
        .lengthPrefixed(context);
    for (EcPoint p : points) {
      t.lengthPrefixed(p.encode());
    }
    return EcScalar.hash(curve, dst, t.toBytes());
  }
}
