package dev.subnetsim.scenarios.net;

import dev.subnetsim.consensus.types.NodeId;
import java.util.random.RandomGenerator;

/** Every message takes exactly {@code nanos}. */
public record ConstantLatency(long nanos) implements LatencyModel {
  public ConstantLatency {
    if (nanos <= 0) {
      throw new IllegalArgumentException("latency must be positive: " + nanos);
    }
  }

  @Override
  public long sampleNanos(NodeId from, NodeId to, RandomGenerator rng) {
    return nanos;
  }

  @Override
  public long minNanos() {
    return nanos;
  }
}
