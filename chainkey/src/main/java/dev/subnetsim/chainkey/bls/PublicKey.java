package dev.subnetsim.chainkey.bls;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;
import java.util.Objects;

/** A BLS public key in the IC's min-sig form: a G2 point, 96 bytes compressed. */
public record PublicKey(G2Point point) {

  public static final int BYTES = G2Point.COMPRESSED_BYTES;

  public PublicKey {
    Objects.requireNonNull(point, "point");
  }

  /**
   * Decodes 96 compressed bytes.
   *
   * @throws MalformedPointException for a wrong length, bad encoding, off-curve or non-subgroup
   *     point, or the identity (a key that every signature "verifies" against)
   */
  public static PublicKey fromBytes(byte[] bytes) {
    return new PublicKey(G2Point.fromBytesNonIdentity(bytes));
  }

  public byte[] toBytes() {
    return point.toBytes();
  }
}
