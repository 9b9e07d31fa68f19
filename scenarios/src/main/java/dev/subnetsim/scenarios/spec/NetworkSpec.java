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
    if (!(loss >= 0 && loss <= 1)) {
      throw new IllegalArgumentException("loss must be a probability: " + loss);
    }
    if (!(bytesPerSecond > 0) || Double.isInfinite(bytesPerSecond)) {
      throw new IllegalArgumentException("bandwidth must be positive and finite: " + bytesPerSecond);
    }
    regionLatencyNanos.forEach((from, row) -> row.forEach((to, nanos) -> {
      if (nanos <= 0) {
        throw new IllegalArgumentException("latency " + from + " -> " + to + " must be positive");
      }
    }));
    // Insertion order (the file's), never Map.copyOf's per-JVM order: this is printed and reported.
    java.util.LinkedHashMap<String, Map<String, Long>> rows = new java.util.LinkedHashMap<>();
    regionLatencyNanos.forEach((k, v) -> rows.put(k,
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(v))));
    regionLatencyNanos = java.util.Collections.unmodifiableMap(rows);
  }

  public static NetworkSpec defaults() {
    return new NetworkSpec(new LatencySpec.Constant(20_000_000L), Map.of(), 0.0, 1.25e8);
  }
}
