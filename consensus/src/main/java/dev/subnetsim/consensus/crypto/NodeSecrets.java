package dev.subnetsim.consensus.crypto;

import dev.subnetsim.chainkey.bls.SecretKey;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.dkg.ReceiverKeyPair;

/**
 * One replica's secret key material: its genesis shares of the two threshold keys (later DKG
 * intervals reshare them, {@code dev.subnetsim.consensus.dkg}), its multi-signature key and its
 * long-term DKG receiver key (shares dealt to it are encrypted to it). No replica ever holds a
 * threshold key's secret, only a share.
 */
public record NodeSecrets(int index, Scalar beaconShare, Scalar certificationShare,
    SecretKey multiSigKey, ReceiverKeyPair dkgReceiver) {
  @Override
  public String toString() {
    return "NodeSecrets(index=" + index + ", secrets redacted)";
  }
}
