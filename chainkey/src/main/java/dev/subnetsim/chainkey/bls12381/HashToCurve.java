package dev.subnetsim.chainkey.bls12381;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import supranational.blst.P1;
import supranational.blst.P2;

/**
 * Hashing to BLS12-381 (RFC 9380): hash_to_curve with the SSWU random-oracle suites
 * (BLS12381G1_XMD:SHA-256_SSWU_RO_, Section 8.8.1; and G2, 8.8.2) via blst, expand_message_xmd
 * with SHA-256 (Section 5.3.1) in Java, and the vetKD hash-to-scalar of dfinity/vetkeys.
 */
public final class HashToCurve {
  private HashToCurve() {}

  private static final int SHA256_OUT = 32; // b_in_bytes
  private static final int SHA256_BLOCK = 64; // s_in_bytes

  /** RFC 9380 hash_to_curve to G1 with the suite's expand_message_xmd(SHA-256). */
  public static G1Point hashToG1(byte[] msg, String dst) {
    return G1Point.wrap(new P1().hash_to(msg, asciiDst(dst)));
  }

  /** RFC 9380 hash_to_curve to G2 (BLS12381G2_XMD:SHA-256_SSWU_RO_ with the given DST). */
  public static G2Point hashToG2(byte[] msg, String dst) {
    return G2Point.wrap(new P2().hash_to(msg, asciiDst(dst)));
  }

  /**
   * RFC 9380 Section 5.3.1 expand_message_xmd with SHA-256.
   *
   * @throws IllegalArgumentException if lenInBytes is not in [1, 8160] (ell &gt; 255) or the DST
   *     is longer than 255 bytes (Section 5.3.3 oversize DSTs are not needed by this project)
   */
  public static byte[] expandMessageXmd(byte[] msg, byte[] dst, int lenInBytes) {
    int ell = (lenInBytes + SHA256_OUT - 1) / SHA256_OUT;
    if (lenInBytes < 1 || ell > 255 || lenInBytes > 65535) {
      throw new IllegalArgumentException("expand_message_xmd: len_in_bytes out of range: " + lenInBytes);
    }
    if (dst.length > 255) {
      throw new IllegalArgumentException("expand_message_xmd: DST longer than 255 bytes");
    }
    byte[] dstPrime = Arrays.copyOf(dst, dst.length + 1);
    dstPrime[dst.length] = (byte) dst.length;
    MessageDigest sha = sha256();
    // b_0 = H(Z_pad || msg || I2OSP(len_in_bytes, 2) || I2OSP(0, 1) || DST_prime)
    sha.update(new byte[SHA256_BLOCK]);
    sha.update(msg);
    sha.update(new byte[] {(byte) (lenInBytes >>> 8), (byte) lenInBytes, 0});
    sha.update(dstPrime);
    byte[] b0 = sha.digest();
    // b_1 = H(b_0 || I2OSP(1, 1) || DST_prime)
    sha.update(b0);
    sha.update((byte) 1);
    sha.update(dstPrime);
    byte[] bi = sha.digest();
    byte[] out = new byte[lenInBytes];
    int off = 0;
    for (int i = 1; ; i++) {
      int n = Math.min(SHA256_OUT, lenInBytes - off);
      System.arraycopy(bi, 0, out, off, n);
      off += n;
      if (off == lenInBytes) {
        return out;
      }
      // b_i = H(strxor(b_0, b_(i-1)) || I2OSP(i, 1) || DST_prime)
      byte[] x = new byte[SHA256_OUT];
      for (int j = 0; j < SHA256_OUT; j++) {
        x[j] = (byte) (b0[j] ^ bi[j]);
      }
      sha.update(x);
      sha.update((byte) (i + 1));
      sha.update(dstPrime);
      bi = sha.digest();
    }
  }

  public static byte[] expandMessageXmd(byte[] msg, String dst, int lenInBytes) {
    return expandMessageXmd(msg, dst.getBytes(StandardCharsets.UTF_8), lenInBytes);
  }

  /**
   * The vetKD hash-to-scalar (docs/FORMATS.md; dfinity/vetkeys):
   * {@code OS2IP(expand_message_xmd_SHA256(msg, dst, 48)) mod r}. 48 bytes = ceil((255 + 128) / 8),
   * the RFC 9380 L for Fr, so the bias is below 2^-128.
   */
  public static Scalar hashToScalar(String dst, byte[] msg) {
    return Scalar.fromBytesReduced(expandMessageXmd(msg, dst, 48));
  }

  public static Scalar hashToScalar(byte[] dst, byte[] msg) {
    return Scalar.fromBytesReduced(expandMessageXmd(msg, dst, 48));
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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
    }
  }
}
