package dev.subnetsim.chainkey.vetkd;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;
import dev.subnetsim.chainkey.bls12381.PairingTerm;
import dev.subnetsim.chainkey.bls12381.Pairings;
import java.util.Arrays;
import java.util.List;

/**
 * The shape shared by an encrypted key and an encrypted key share: {@code c1 (G1, 48) || c2 (G2,
 * 96) || c3 (G1, 48)}, 192 bytes, and the two pairing checks of dfinity/ic vetkd {@code
 * check_validity} that both are verified with (only the verification key differs).
 */
final class KeyCiphertext {
  private KeyCiphertext() {}

  static final int BYTES = 2 * G1Point.COMPRESSED_BYTES + G2Point.COMPRESSED_BYTES;
  private static final int C2_START = G1Point.COMPRESSED_BYTES;
  private static final int C3_START = G1Point.COMPRESSED_BYTES + G2Point.COMPRESSED_BYTES;
  private static final G2Point NEG_G2 = G2Point.generator().neg();

  static byte[] encode(G1Point c1, G2Point c2, G1Point c3) {
    byte[] out = new byte[BYTES];
    System.arraycopy(c1.toBytes(), 0, out, 0, C2_START);
    System.arraycopy(c2.toBytes(), 0, out, C2_START, G2Point.COMPRESSED_BYTES);
    System.arraycopy(c3.toBytes(), 0, out, C3_START, G1Point.COMPRESSED_BYTES);
    return out;
  }

  /** Decoded components, each subgroup-checked. */
  record Parts(G1Point c1, G2Point c2, G1Point c3) {}

  static Parts decode(byte[] bytes, String what) {
    if (bytes == null || bytes.length != BYTES) {
      throw new MalformedVetKdBytesException(
          what + " must be " + BYTES + " bytes (c1 48 || c2 96 || c3 48), got "
              + (bytes == null ? "null" : bytes.length));
    }
    G1Point c1 = g1(Arrays.copyOfRange(bytes, 0, C2_START), what, "c1");
    G2Point c2;
    try {
      c2 = G2Point.fromBytes(Arrays.copyOfRange(bytes, C2_START, C3_START));
    } catch (MalformedPointException e) {
      throw new MalformedVetKdBytesException(what + " c2: " + e.getMessage(), e);
    }
    G1Point c3 = g1(Arrays.copyOfRange(bytes, C3_START, BYTES), what, "c3");
    return new Parts(c1, c2, c3);
  }

  private static G1Point g1(byte[] b, String what, String name) {
    try {
      return G1Point.fromBytes(b);
    } catch (MalformedPointException e) {
      throw new MalformedVetKdBytesException(what + " " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * e(c1, G2) = e(G1, c2) (c1 and c2 share the discrete log rho) and e(c3, G2) = e(tpk, c2) *
   * e(Hm, verificationKey) (c3 = rho*tpk + dsk*Hm for the key behind verificationKey).
   */
  static boolean isValid(
      G1Point c1, G2Point c2, G1Point c3, G1Point tpk, G2Point verificationKey, G1Point hm) {
    boolean sameLog =
        Pairings.productIsOne(
            List.of(new PairingTerm(c1, NEG_G2), new PairingTerm(G1Point.generator(), c2)));
    if (!sameLog) {
      return false;
    }
    return Pairings.productIsOne(
        List.of(
            new PairingTerm(c3, NEG_G2),
            new PairingTerm(tpk, c2),
            new PairingTerm(hm, verificationKey)));
  }

  /** Only the first check: what a client can verify before decrypting. */
  static boolean c1c2ShareLog(G1Point c1, G2Point c2) {
    return Pairings.productIsOne(
        List.of(new PairingTerm(c1, NEG_G2), new PairingTerm(G1Point.generator(), c2)));
  }
}
