package dev.subnetsim.scenarios.net;

import dev.subnetsim.consensus.types.NodeId;
import java.util.random.RandomGenerator;

/**
 * Heavy-tailed latency: {@code floorNanos + X} with {@code ln X ~ N(ln(medianExtraNanos), sigma)}.
 * The floor (propagation at light speed, say) keeps a positive lookahead; the log-normal part
 * models queueing. Samples are capped at {@code floor + 1000 * median} so one freak sample cannot
 * stall a run.
 */
public record LogNormalLatency(long floorNanos, long medianExtraNanos, double sigma)
    implements LatencyModel {
  public LogNormalLatency {
    if (floorNanos <= 0 || medianExtraNanos <= 0 || !(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException(
          "need floor > 0, median > 0, sigma >= 0; got " + floorNanos + ", " + medianExtraNanos
              + ", " + sigma);
    }
  }

  @Override
  public long sampleNanos(NodeId from, NodeId to, RandomGenerator rng) {
    double extra = medianExtraNanos * StrictMath.exp(sigma * rng.nextGaussian());
    double capped = Math.min(extra, 1000.0 * medianExtraNanos);
    return floorNanos + (long) capped;
  }

  @Override
  public long minNanos() {
    return floorNanos;
  }
}
