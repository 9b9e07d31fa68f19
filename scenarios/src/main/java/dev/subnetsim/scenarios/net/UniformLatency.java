package dev.subnetsim.scenarios.net;

import dev.subnetsim.consensus.types.NodeId;
import java.util.random.RandomGenerator;

/** Latency uniform in [minNanos, maxNanos] (inclusive). */
public record UniformLatency(long minNanos, long maxNanos) implements LatencyModel {
  public UniformLatency {
    if (minNanos <= 0 || maxNanos < minNanos) {
      throw new IllegalArgumentException(
          "need 0 < min <= max, got min=" + minNanos + " max=" + maxNanos);
    }
  }

  @Override
  public long sampleNanos(NodeId from, NodeId to, RandomGenerator rng) {
    return minNanos == maxNanos ? minNanos : rng.nextLong(minNanos, maxNanos + 1);
  }
}
