package dev.subnetsim.chainkey.bls;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;
import java.util.Objects;

/** A BLS signature in the IC's min-sig form: a G1 point, 48 bytes compressed. */
public record Signature(G1Point point) {

  public static final int BYTES = G1Point.COMPRESSED_BYTES;

  public Signature {
    Objects.requireNonNull(point, "point");
  }

  /**
   * Decodes 48 compressed bytes.
   *
   * @throws MalformedPointException for a wrong length, bad encoding, off-curve or non-subgroup
   *     point, or the identity
   */
  public static Signature fromBytes(byte[] bytes) {
    return new Signature(G1Point.fromBytesNonIdentity(bytes));
  }

  public byte[] toBytes() {
    return point.toBytes();
  }
}
