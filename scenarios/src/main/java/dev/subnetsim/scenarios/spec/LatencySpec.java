package dev.subnetsim.scenarios.spec;

/** A one-way latency distribution. */
public sealed interface LatencySpec {

  /** The smallest latency it can produce: the driver's lookahead. */
  long minimumNanos();

  record Constant(long nanos) implements LatencySpec {
    @Override
    public long minimumNanos() {
      return nanos;
    }
  }

  record Uniform(long minNanos, long maxNanos) implements LatencySpec {
    @Override
    public long minimumNanos() {
      return minNanos;
    }
  }

  /** exp(N(ln median, sigma)), never below {@code floorNanos}. */
  record LogNormal(long medianNanos, double sigma, long floorNanos) implements LatencySpec {
    @Override
    public long minimumNanos() {
      return floorNanos;
    }
  }
}
