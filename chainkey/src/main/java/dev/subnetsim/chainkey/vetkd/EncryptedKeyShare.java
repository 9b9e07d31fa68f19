package dev.subnetsim.chainkey.vetkd;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import java.util.Objects;

/**
 * One replica's encrypted key share: {@code c1 = rho*G1, c2 = rho*G2, c3 = rho*tpk + dsk_i*Hm},
 * with dsk_i = the node's master key share + the public derivation offset. Same 192-byte layout as
 * the combined {@link EncryptedVetKey} (dfinity/ic vetkd {@code EncryptedKeyShare}).
 */
public record EncryptedKeyShare(G1Point c1, G2Point c2, G1Point c3) {

  public static final int BYTES = KeyCiphertext.BYTES;

  public EncryptedKeyShare {
    Objects.requireNonNull(c1, "c1");
    Objects.requireNonNull(c2, "c2");
    Objects.requireNonNull(c3, "c3");
  }

  /**
   * @throws MalformedVetKdBytesException naming the bad component
   */
  public static EncryptedKeyShare fromBytes(byte[] bytes) {
    KeyCiphertext.Parts p = KeyCiphertext.decode(bytes, "encrypted key share");
    return new EncryptedKeyShare(p.c1(), p.c2(), p.c3());
  }

  public byte[] toBytes() {
    return KeyCiphertext.encode(c1, c2, c3);
  }
}
