package dev.subnetsim.chainkey.bls12381;

import java.util.Objects;

/** One factor e(g1, g2) of a pairing product. */
public record PairingTerm(G1Point g1, G2Point g2) {
  public PairingTerm {
    Objects.requireNonNull(g1, "g1");
    Objects.requireNonNull(g2, "g2");
  }
}
