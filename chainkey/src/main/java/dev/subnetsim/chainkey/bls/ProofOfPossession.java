package dev.subnetsim.chainkey.bls;

import dev.subnetsim.chainkey.bls12381.G1Point;
import java.util.Objects;

/**
 * A proof of possession of a BLS secret key: sk * H_pop(prefix || pk96) with H_pop = hash_to_G1
 * under {@link dev.subnetsim.chainkey.DomainSeparators#BLS_POP_DST} (IETF
 * draft-irtf-cfrg-bls-signature, Section 3.3, with an empty prefix; the IC's multi-signature
 * scheme prefixes its context, see {@link JblstBlsSignatures#icMultiSignature()}). Multi-signature verification sums public keys, which is only sound against rogue
 * keys (pk' = x*G2 - pk_victim) if every key was registered with a valid proof: the IC's node
 * registry stores one per node signing key, and so must whoever registers keys here.
 */
public record ProofOfPossession(G1Point point) {

  public static final int BYTES = G1Point.COMPRESSED_BYTES;

  public ProofOfPossession {
    Objects.requireNonNull(point, "point");
  }

  public static ProofOfPossession fromBytes(byte[] bytes) {
    return new ProofOfPossession(G1Point.fromBytesNonIdentity(bytes));
  }

  public byte[] toBytes() {
    return point.toBytes();
  }
}
