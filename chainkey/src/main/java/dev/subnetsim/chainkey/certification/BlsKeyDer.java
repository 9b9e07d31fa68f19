package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.bls.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * DER form of the IC's BLS12-381 public keys (root key, subnet keys in {@code /subnet/<id>/public_key};
 * interface spec, "Delegation": RFC 5480 with OID 1.3.6.1.4.1.44668.5.3.1.2.1 for the algorithm
 * and 1.3.6.1.4.1.44668.5.3.2.1 for the curve): a fixed 37-byte prefix and the 96-byte compressed
 * G2 point, 133 bytes in all. Like agent-js, decoding accepts exactly this prefix and length.
 */
public final class BlsKeyDer {
  private BlsKeyDer() {}

  private static final byte[] PREFIX = HexFormat.of().parseHex(
      "308182301d060d2b0601040182dc7c0503010201060c2b0601040182dc7c05030201036100");
  public static final int KEY_BYTES = 96;
  public static final int DER_BYTES = 133;

  public static byte[] encode(byte[] publicKey96) {
    if (publicKey96.length != KEY_BYTES) {
      throw new IllegalArgumentException("a BLS12-381 G2 public key has 96 bytes, got " + publicKey96.length);
    }
    byte[] out = Arrays.copyOf(PREFIX, DER_BYTES);
    System.arraycopy(publicKey96, 0, out, PREFIX.length, KEY_BYTES);
    return out;
  }

  public static byte[] encode(PublicKey publicKey) {
    return encode(publicKey.toBytes());
  }

  /**
   * The 96-byte key inside a DER key.
   *
   * @throws MalformedDerKeyException if the length is not 133 or the prefix differs
   */
  public static byte[] decode(byte[] der) {
    if (der.length != DER_BYTES) {
      throw new MalformedDerKeyException("IC BLS DER key must have " + DER_BYTES + " bytes, got " + der.length);
    }
    if (!Arrays.equals(der, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
      throw new MalformedDerKeyException("IC BLS DER key has a wrong prefix: "
          + HexFormat.of().formatHex(Arrays.copyOf(der, PREFIX.length)));
    }
    return Arrays.copyOfRange(der, PREFIX.length, DER_BYTES);
  }
}
