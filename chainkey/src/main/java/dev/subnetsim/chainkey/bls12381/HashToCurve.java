package dev.subnetsim.chainkey.bls12381;

import dev.subnetsim.chainkey.hash.ExpandMessageXmd;
import supranational.blst.P1;
import supranational.blst.P2;

/**
 * Hashing to BLS12-381 (RFC 9380): hash_to_curve with the SSWU random-oracle suites
 * (BLS12381G1_XMD:SHA-256_SSWU_RO_, Section 8.8.1; and G2, 8.8.2) via blst, and the vetKD
 * hash-to-scalar of dfinity/vetkeys (over the shared {@link ExpandMessageXmd}).
 */
public final class HashToCurve {
  private HashToCurve() {}

  /** RFC 9380 hash_to_curve to G1 with the suite's expand_message_xmd(SHA-256). */
  public static G1Point hashToG1(byte[] msg, String dst) {
    return G1Point.GROUP.wrap(new P1().hash_to(msg, asciiDst(dst)));
  }

  /** RFC 9380 hash_to_curve to G2 (BLS12381G2_XMD:SHA-256_SSWU_RO_ with the given DST). */
  public static G2Point hashToG2(byte[] msg, String dst) {
    return G2Point.GROUP.wrap(new P2().hash_to(msg, asciiDst(dst)));
  }

  /**
   * The vetKD hash-to-scalar (docs/FORMATS.md; dfinity/vetkeys):
   * {@code OS2IP(expand_message_xmd_SHA256(msg, dst, 48)) mod r}. 48 bytes = ceil((255 + 128) / 8),
   * the RFC 9380 L for Fr, so the bias is below 2^-128.
   */
  public static Scalar hashToScalar(String dst, byte[] msg) {
    return Scalar.fromBytesReduced(ExpandMessageXmd.expand(msg, dst, 48));
  }

  public static Scalar hashToScalar(byte[] dst, byte[] msg) {
    return Scalar.fromBytesReduced(ExpandMessageXmd.expand(msg, dst, 48));
  }

  /** blst receives the DST as a Java String (JNI modified UTF-8): only ASCII is byte-exact. */
  private static String asciiDst(String dst) {
    for (int i = 0; i < dst.length(); i++) {
      char c = dst.charAt(i);
      if (c == 0 || c > 0x7e) {
        throw new IllegalArgumentException("hash-to-curve DST must be printable ASCII: " + dst);
      }
    }
    if (dst.length() > 255) {
      throw new IllegalArgumentException("hash-to-curve DST longer than 255 bytes");
    }
    return dst;
  }
}
