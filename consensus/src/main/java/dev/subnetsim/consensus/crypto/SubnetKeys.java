package dev.subnetsim.consensus.crypto;

import dev.subnetsim.chainkey.bls.PublicKey;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import java.util.List;

/**
 * The public key material of a subnet, known to every replica: the low-threshold (f+1) key of the
 * random beacon, the high-threshold (n-f) key of state certification, and each node's individual
 * key for notarization and finalization multi-signatures (by committee index), and each node's
 * DKG receiver (encryption) key. The threshold keys' coefficients are those of genesis; DKG
 * intervals reshare them with the same public keys.
 */
public record SubnetKeys(PublicCoefficients beaconKey, PublicCoefficients certificationKey,
    List<PublicKey> multiSigKeys, List<G1Point> dkgReceiverKeys) {
  public SubnetKeys {
    multiSigKeys = List.copyOf(multiSigKeys);
    dkgReceiverKeys = List.copyOf(dkgReceiverKeys);
  }
}
