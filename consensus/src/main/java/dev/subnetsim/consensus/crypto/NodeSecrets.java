package dev.subnetsim.consensus.crypto;

import dev.subnetsim.chainkey.bls.SecretKey;
import dev.subnetsim.chainkey.bls12381.Scalar;

/**
 * One replica's secret key material: its shares of the two threshold keys and its multi-signature
 * key. No replica ever holds a threshold key's secret, only a share.
 */
public record NodeSecrets(int index, Scalar beaconShare, Scalar certificationShare,
    SecretKey multiSigKey) {
  @Override
  public String toString() {
    return "NodeSecrets(index=" + index + ", secrets redacted)";
  }
}
