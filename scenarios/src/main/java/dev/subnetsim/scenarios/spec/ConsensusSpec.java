package dev.subnetsim.scenarios.spec;

/** Subnet-record style consensus parameters shared by all subnets of a scenario. */
public record ConsensusSpec(
    long unitDelayNanos, long initialNotaryDelayNanos, int dkgInterval, int maxIngressPerBlock,
    Crypto crypto) {

  /** Consensus signatures: real BLS12-381, or an insecure stand-in for very large subnets. */
  public enum Crypto { REAL, CHEAP }

  public static ConsensusSpec defaults() {
    return new ConsensusSpec(1_000_000_000L, 300_000_000L, 50, 1000, Crypto.REAL);
  }
}
