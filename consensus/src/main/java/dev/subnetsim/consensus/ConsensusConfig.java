package dev.subnetsim.consensus;

import dev.subnetsim.consensus.protocol.ConsensusProtocol;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import java.util.List;

/**
 * A subnet record for consensus: the committee (in index order) and the protocol delays.
 *
 * @param unitDelayNanos a block maker of rank r proposes {@code r * unitDelay} after the round
 *     starts; notaries wait for lower ranks in the same steps
 * @param initialNotaryDelayNanos the notary's delay before signing the rank-0 block
 * @param cupInterval a catch-up package is made at every height divisible by this
 * @param dkgInterval heights per DKG interval: the beacon and certification keys are reshared
 *     every interval ({@code dev.subnetsim.consensus.dkg.SubnetDkg}); 0 keeps the genesis sharing
 * @param protocol the consensus variant (ICC, or ICC with a fast path); its thresholds are its
 *     own, the slow path's quorums ({@link #quorum}) are ICC's
 */
public record ConsensusConfig(SubnetId subnet, List<NodeId> committee, long unitDelayNanos,
    long initialNotaryDelayNanos, int maxIngressPerBlock, int cupInterval, int dkgInterval,
    ConsensusProtocol protocol) {

  /** ICC. */
  public ConsensusConfig(SubnetId subnet, List<NodeId> committee, long unitDelayNanos,
      long initialNotaryDelayNanos, int maxIngressPerBlock, int cupInterval, int dkgInterval) {
    this(subnet, committee, unitDelayNanos, initialNotaryDelayNanos, maxIngressPerBlock,
        cupInterval, dkgInterval, ConsensusProtocol.named("icc").orElseThrow());
  }

  /** Without DKG intervals (the genesis sharing throughout). */
  public ConsensusConfig(SubnetId subnet, List<NodeId> committee, long unitDelayNanos,
      long initialNotaryDelayNanos, int maxIngressPerBlock, int cupInterval) {
    this(subnet, committee, unitDelayNanos, initialNotaryDelayNanos, maxIngressPerBlock,
        cupInterval, 0);
  }

  public ConsensusConfig {
    committee = List.copyOf(committee);
    if (committee.isEmpty()) {
      throw new IllegalArgumentException("a subnet needs at least one node");
    }
    if (cupInterval < 1) {
      throw new IllegalArgumentException("cup interval must be >= 1");
    }
    if (dkgInterval < 0 || dkgInterval == 1) {
      throw new IllegalArgumentException("dkg interval must be 0 (off) or >= 2");
    }
    if (protocol == null) {
      throw new IllegalArgumentException("a consensus protocol is needed");
    }
    protocol.unsupported(committee.size()).ifPresent(why -> {
      throw new IllegalArgumentException(why);
    });
  }

  /** IC-like defaults: 1 s unit delay, 300 ms initial notary delay, CUP every 10 heights. */
  public static ConsensusConfig defaults(SubnetId subnet, List<NodeId> committee) {
    return new ConsensusConfig(subnet, committee, 1_000_000_000L, 300_000_000L, 1000, 10);
  }

  public int n() {
    return committee.size();
  }

  /** Faults tolerated: the largest f with n >= 3f + 1. */
  public int f() {
    return (n() - 1) / 3;
  }

  /** Shares needed for notarization, finalization and certification. */
  public int quorum() {
    return n() - f();
  }

  /** Shares needed for the random beacon (the low threshold). */
  public int beaconThreshold() {
    return f() + 1;
  }

  /** The committee index of a node, or -1. */
  public int indexOf(NodeId node) {
    return committee.indexOf(node);
  }

  /**
   * The notary delay of rank {@code rank} (Internet Computer Consensus, PODC 2022, with the IC's
   * back-off when finalization lags notarization): {@code initial + unit * rank *
   * 1.5^(notarized - finalized)}.
   */
  public long notaryDelayNanos(int rank, long notarizedHeight, long finalizedHeight) {
    long gap = Math.max(0, notarizedHeight - finalizedHeight);
    return initialNotaryDelayNanos + (long) (unitDelayNanos * rank * Math.pow(1.5, gap));
  }
}
