package dev.subnetsim.chainkey.threshold;

import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.Scalar;
import java.util.List;

/**
 * Keys of a threshold BLS committee: the public coefficients (public key = coefficient 0) and the
 * secret key share of each node index (list position = node index). Produced by a trusted dealer
 * ({@link ThresholdBls#generateKeys}) in tests and benchmarks; the DKG produces the same shape
 * without a dealer.
 */
public record ThresholdKeySet(PublicCoefficients publicCoefficients, List<Scalar> secretKeyShares) {

  public ThresholdKeySet {
    secretKeyShares = List.copyOf(secretKeyShares);
  }

  public G2Point publicKey() {
    return publicCoefficients.publicKey();
  }

  public int threshold() {
    return publicCoefficients.threshold();
  }

  public int n() {
    return secretKeyShares.size();
  }

  public Scalar secretKeyShare(int nodeIndex) {
    return secretKeyShares.get(nodeIndex);
  }

  @Override
  public String toString() {
    return "ThresholdKeySet(n=" + n() + ", threshold=" + threshold() + ", publicKey=" + publicKey()
        + ", secret shares redacted)";
  }
}
