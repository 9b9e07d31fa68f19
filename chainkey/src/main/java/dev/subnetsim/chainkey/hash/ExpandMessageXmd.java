package dev.subnetsim.chainkey.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * expand_message_xmd with SHA-256, RFC 9380 section 5.3.1: the project's only copy, behind both
 * the BLS12-381 hash-to-scalar (vetKD, DKG) and the EC hash-to-scalar/point. Pure function of
 * (msg, DST, length). An empty DST is rejected (section 3.1: tags MUST have nonzero length).
 */
public final class ExpandMessageXmd {
  private static final int B_IN_BYTES = 32; // SHA-256 output
  private static final int S_IN_BYTES = 64; // SHA-256 block

  private ExpandMessageXmd() {}

  /** uniform_bytes of {@code lenInBytes} bytes; DST given as UTF-8 text. */
  public static byte[] expand(byte[] msg, String dst, int lenInBytes) {
    return expand(msg, dst.getBytes(StandardCharsets.UTF_8), lenInBytes);
  }

  /**
   * uniform_bytes of {@code lenInBytes} bytes.
   *
   * @throws IllegalArgumentException if the DST is empty or longer than 255 bytes, or the length
   *     is outside 1..min(8160, 65535) (RFC 9380 step 2: ell <= 255)
   */
  public static byte[] expand(byte[] msg, byte[] dst, int lenInBytes) {
    if (dst.length == 0 || dst.length > 255) {
      throw new IllegalArgumentException(
          "expand_message_xmd: DST must be 1..255 bytes, got " + dst.length);
    }
    int ell = (lenInBytes + B_IN_BYTES - 1) / B_IN_BYTES;
    if (lenInBytes < 1 || ell > 255 || lenInBytes > 65535) {
      throw new IllegalArgumentException("expand_message_xmd: bad output length " + lenInBytes);
    }
    byte[] dstPrime = new byte[dst.length + 1];
    System.arraycopy(dst, 0, dstPrime, 0, dst.length);
    dstPrime[dst.length] = (byte) dst.length;

    MessageDigest h = sha256();
    h.update(new byte[S_IN_BYTES]); // Z_pad
    h.update(msg);
    h.update(new byte[] {(byte) (lenInBytes >>> 8), (byte) lenInBytes}); // l_i_b_str
    h.update((byte) 0);
    h.update(dstPrime);
    byte[] b0 = h.digest();

    byte[] out = new byte[lenInBytes];
    byte[] bi = new byte[B_IN_BYTES];
    for (int i = 1; i <= ell; i++) {
      byte[] input = new byte[B_IN_BYTES];
      for (int j = 0; j < B_IN_BYTES; j++) {
        input[j] = (byte) (b0[j] ^ (i == 1 ? 0 : bi[j]));
      }
      h.update(input);
      h.update((byte) i);
      h.update(dstPrime);
      bi = h.digest();
      int off = (i - 1) * B_IN_BYTES;
      System.arraycopy(bi, 0, out, off, Math.min(B_IN_BYTES, lenInBytes - off));
    }
    return out;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
    }
  }
}
