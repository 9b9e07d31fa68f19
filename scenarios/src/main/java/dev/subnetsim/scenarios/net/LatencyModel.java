package dev.subnetsim.scenarios.net;

import dev.subnetsim.consensus.types.NodeId;
import java.util.random.RandomGenerator;

/**
 * Propagation delay of one message on the link {@code from -> to}. Implementations are immutable;
 * all randomness comes from the generator passed in, which the link model calls in the driver's
 * canonical send order.
 */
public interface LatencyModel {

  long sampleNanos(NodeId from, NodeId to, RandomGenerator rng);

  /**
   * A lower bound on every sample, on every link. The driver's lookahead: no message can arrive
   * sooner than this after it was sent.
   */
  long minNanos();
}
