package dev.subnetsim.scenarios.spec;

/** A one-way latency distribution. */
public sealed interface LatencySpec {

  /** The smallest latency it can produce: the driver's lookahead. */
  long minimumNanos();

  record Constant(long nanos) implements LatencySpec {
    public Constant {
      positive(nanos, "latency");
    }

    @Override
    public long minimumNanos() {
      return nanos;
    }
  }

  record Uniform(long minNanos, long maxNanos) implements LatencySpec {
    public Uniform {
      positive(minNanos, "min latency");
      if (maxNanos < minNanos) {
        throw new IllegalArgumentException("max latency below min: " + maxNanos + " < " + minNanos);
      }
    }

    @Override
    public long minimumNanos() {
      return minNanos;
    }
  }

  /** exp(N(ln median, sigma)), never below {@code floorNanos}. */
  record LogNormal(long medianNanos, double sigma, long floorNanos) implements LatencySpec {
    public LogNormal {
      positive(medianNanos, "median latency");
      positive(floorNanos, "latency floor");
      if (!(sigma >= 0) || Double.isInfinite(sigma)) {
        throw new IllegalArgumentException("sigma must be finite and >= 0: " + sigma);
      }
    }

    @Override
    public long minimumNanos() {
      return floorNanos;
    }
  }

  /** A zero latency is a zero lookahead: the driver could not advance virtual time. */
  private static void positive(long nanos, String what) {
    if (nanos <= 0) {
      throw new IllegalArgumentException(what + " must be positive: " + nanos + " ns");
    }
  }
}
