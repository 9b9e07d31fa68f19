package dev.subnetsim.scenarios.net;

import dev.subnetsim.consensus.types.NodeId;
import java.util.random.RandomGenerator;

/**
 * The scenario file's log-normal: {@code max(floor, X)} with {@code ln X ~ N(ln(median), sigma)}
 * (unlike {@link LogNormalLatency}, which adds the floor). Capped at 1000 * median so one freak
 * sample cannot stall a run. The floor is the lookahead.
 */
public record ClampedLogNormalLatency(long medianNanos, double sigma, long floorNanos)
    implements LatencyModel {
  public ClampedLogNormalLatency {
    if (floorNanos <= 0 || medianNanos <= 0 || !(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException(
          "need floor > 0, median > 0, sigma >= 0; got " + floorNanos + ", " + medianNanos + ", "
              + sigma);
    }
  }

  @Override
  public long sampleNanos(NodeId from, NodeId to, RandomGenerator rng) {
    double x = Math.min(medianNanos * StrictMath.exp(sigma * rng.nextGaussian()), 1000.0 * medianNanos);
    return Math.max(floorNanos, (long) x);
  }

  @Override
  public long minNanos() {
    return floorNanos;
  }
}
