package dev.subnetsim.scenarios.spec;

import dev.subnetsim.consensus.protocol.ConsensusProtocol;
import dev.subnetsim.consensus.protocol.FastIcc;

/**
 * Subnet-record style consensus parameters shared by all subnets of a scenario.
 *
 * @param protocol the consensus variant every subnet runs
 * @param fastPathSlack fast-icc's p (replicas that may be silent while the fast path completes),
 *     or -1 for its default (n = 5f + 1 gives p = f)
 */
public record ConsensusSpec(
    long unitDelayNanos, long initialNotaryDelayNanos, int dkgInterval, int maxIngressPerBlock,
    Crypto crypto, Protocol protocol, int fastPathSlack) {

  /** Consensus signatures: real BLS12-381, or an insecure stand-in for very large subnets. */
  public enum Crypto { REAL, CHEAP }

  /** The consensus variants by scenario name ({@code icc}, {@code fast-icc}). */
  public enum Protocol { ICC, FAST_ICC }

  /** ICC. */
  public ConsensusSpec(long unitDelayNanos, long initialNotaryDelayNanos, int dkgInterval,
      int maxIngressPerBlock, Crypto crypto) {
    this(unitDelayNanos, initialNotaryDelayNanos, dkgInterval, maxIngressPerBlock, crypto,
        Protocol.ICC, -1);
  }

  public static ConsensusSpec defaults() {
    return new ConsensusSpec(1_000_000_000L, 300_000_000L, 50, 1000, Crypto.REAL);
  }

  /** The variant the consensus module runs. */
  public ConsensusProtocol consensusProtocol() {
    return switch (protocol) {
      case ICC -> ConsensusProtocol.named("icc").orElseThrow();
      case FAST_ICC -> fastPathSlack >= 0 ? FastIcc.withSlack(fastPathSlack)
          : ConsensusProtocol.named("fast-icc").orElseThrow();
    };
  }
}
