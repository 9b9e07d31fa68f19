package dev.subnetsim.scenarios.faults;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A subnet's health over a whole run, precomputed from the fault schedule: for every time the
 * fault state can change, whether the subnet is healthy from then on and, if so, since when.
 * Queries are a map lookup, so checkers can ask at every driver window.
 */
public final class HealthTimeline {
  /** change time -> start of the healthy stretch in force from then, or -1 if unhealthy. */
  private final TreeMap<Long, Long> sinceAt;

  HealthTimeline(TreeMap<Long, Long> sinceAt) {
    this.sinceAt = sinceAt;
  }

  /** Empty if unhealthy at {@code t}; else the start of the current healthy stretch. */
  public OptionalLong healthySince(long t) {
    Map.Entry<Long, Long> e = sinceAt.floorEntry(t);
    if (e == null || e.getValue() < 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(e.getValue());
  }
}
