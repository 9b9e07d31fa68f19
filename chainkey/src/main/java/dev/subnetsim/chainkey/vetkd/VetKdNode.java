package dev.subnetsim.chainkey.vetkd;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import java.security.SecureRandom;

/**
 * A replica's part of vetKD (dfinity/ic vetkd {@code EncryptedKeyShare::create}): with its master
 * key share s_i, the derived share is dsk_i = s_i + offset and the encrypted share is
 * {@code (rho*G1, rho*G2, rho*tpk + dsk_i*Hm)} for a fresh rho. The share never reveals dsk_i*Hm
 * in the clear, so a replica that sees f other shares learns nothing about the vetKey.
 */
public final class VetKdNode {
  private VetKdNode() {}

  /**
   * Cost: 3 G1 + 1 G2 multiplications, given a prepared request. c3 is two separate
   * constant-time multiplications, not {@code G1Point.multiScalarMul}: that one is variable-time
   * and rho and dsk_i are secrets.
   */
  public static EncryptedKeyShare createShare(
      VetKdRequest.Prepared request, Scalar masterKeyShare, SecureRandom rng) {
    Scalar rho = Scalar.randomNonZero(rng);
    Scalar dsk = masterKeyShare.add(request.derivedKey().offset());
    G1Point c1 = G1Point.generator().mul(rho);
    G2Point c2 = G2Point.generator().mul(rho);
    G1Point c3 = request.transportPoint().mul(rho).add(request.messagePoint().mul(dsk));
    return new EncryptedKeyShare(c1, c2, c3);
  }
}
