package dev.subnetsim.chainkey.vetkd;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.MalformedPointException;
import java.util.Objects;

/**
 * The client's transport public key tpk = tsk * G1 (48 bytes compressed G1), sent with a vetKD
 * request. The identity point is accepted, as by dfinity/vetkeys {@code
 * isValidTransportPublicKey} and the IC: it only makes the response readable by anyone, and the
 * requester, who chose it, could publish the key anyway.
 */
public record TransportPublicKey(G1Point point) {

  public static final int BYTES = G1Point.COMPRESSED_BYTES;

  public TransportPublicKey {
    Objects.requireNonNull(point, "point");
  }

  /**
   * @throws MalformedVetKdBytesException if the bytes are not a compressed G1 subgroup point
   */
  public static TransportPublicKey fromBytes(byte[] bytes) {
    try {
      return new TransportPublicKey(G1Point.fromBytes(bytes));
    } catch (MalformedPointException e) {
      throw new MalformedVetKdBytesException("transport public key: " + e.getMessage(), e);
    }
  }

  public byte[] toBytes() {
    return point.toBytes();
  }
}
