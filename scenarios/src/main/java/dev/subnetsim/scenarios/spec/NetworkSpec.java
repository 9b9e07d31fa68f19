package dev.subnetsim.scenarios.spec;

import java.util.Map;

/**
 * Link model: a default latency distribution, an optional region-to-region latency matrix (which
 * overrides the default's median for links between those regions), loss and bandwidth.
 */
public record NetworkSpec(
    LatencySpec latency,
    Map<String, Map<String, Long>> regionLatencyNanos,
    double loss,
    double bytesPerSecond) {

  public NetworkSpec {
    regionLatencyNanos = Map.copyOf(regionLatencyNanos);
  }

  public static NetworkSpec defaults() {
    return new NetworkSpec(new LatencySpec.Constant(20_000_000L), Map.of(), 0.0, 1.25e8);
  }
}
