package dev.subnetsim.scenarios.result;

import java.util.List;

/** Nearest-rank percentiles (no interpolation, so a reported p99 is an observed latency). */
public final class Percentiles {
  private Percentiles() {}

  /** The p-th percentile (1..100) of the values, or -1 when there are none. */
  public static long of(List<Long> values, int p) {
    if (values.isEmpty()) {
      return -1;
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
