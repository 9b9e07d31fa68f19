package dev.subnetsim.scenarios.engine;

import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.RunResult;
import java.util.List;
import java.util.Map;

/**
 * A finished scenario run: the report model, the artifacts log lines (one JSON object per combined
 * chain-key artifact, docs/FORMATS.md format), and per subnet the longest time without a
 * finalization (counting the end of the run), which the fuzzer uses to recognise stalls.
 */
public record ScenarioRun(RunResult result, List<String> artifacts, Map<String, Long> longestGapNanos) {
  public ScenarioRun {
    artifacts = List.copyOf(artifacts);
    longestGapNanos = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(longestGapNanos));
  }

  /** True if an invariant or pass criterion was violated. */
  public boolean violated() {
    return result.invariants().stream().anyMatch(i -> i.status() == InvariantResult.Status.VIOLATED);
  }

  /** The subnet with the longest finalization gap and that gap, e.g. "root: 12.0 s". */
  public String worstGap() {
    return longestGapNanos.entrySet().stream().max(Map.Entry.comparingByValue())
        .map(e -> e.getKey() + ": " + e.getValue() / 1e9 + " s").orElse("none");
  }

  public long maxGapNanos() {
    return longestGapNanos.values().stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
