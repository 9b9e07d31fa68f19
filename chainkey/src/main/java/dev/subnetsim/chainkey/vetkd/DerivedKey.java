package dev.subnetsim.chainkey.vetkd;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import java.util.Objects;

/**
 * A derived vetKD public key and the public scalar offset that produced it from the master key:
 * {@code publicKey = masterPublicKey + offset * G2}. Because the offset is public, node i's derived
 * key share is its master key share plus the same offset (Lagrange coefficients sum to one, so the
 * shifted shares interpolate to the shifted secret).
 */
public record DerivedKey(G2Point publicKey, Scalar offset) {
  public DerivedKey {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(offset, "offset");
  }

  /** The 96-byte compressed derived public key (what {@code vetkd_public_key} returns). */
  public byte[] publicKeyBytes() {
    return publicKey.toBytes();
  }
}
