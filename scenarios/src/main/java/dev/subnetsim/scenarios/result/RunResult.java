package dev.subnetsim.scenarios.result;

import java.util.List;
import java.util.Map;

/**
 * Everything a finished run hands to the report writers: the summary fields of the output folder
 * contract (docs/FORMATS.md) plus the time series the charts need. Plain data; no behaviour.
 *
 * @param series named time series, e.g. {@code finalized_height/root}, {@code stash/signing}
 * @param latenciesNanos per request kind (e.g. {@code ingress}, {@code ecdsa}), the latencies of
 *     completed requests in completion order; under {@link #FINALIZATION_LATENCY} the blocks'
 *     finalization latencies (each height from its round start, when its beacon and its parent's
 *     notarization are there, to its first finalization)
 * @param messagesByType count and bytes of delivered messages by wire type
 * @param config the derived options of the run, printed at its start and shown in the report
 */
public record RunResult(
    String scenario,
    long seed,
    String traceHash,
    double simSeconds,
    double wallSeconds,
    int nodes,
    int subnets,
    List<InvariantResult> invariants,
    Map<String, Long> finalizedHeight,
    Map<String, TimeSeries> series,
    Map<String, List<Long>> latenciesNanos,
    Map<String, MessageVolume> messagesByType,
    List<TimelineEvent> timeline,
    Map<String, String> config,
    String reproduce) {

  /** The {@link #latenciesNanos} key of finalization latencies (not a request kind). */
  public static final String FINALIZATION_LATENCY = "finalization";

  public RunResult {
    invariants = List.copyOf(invariants);
    finalizedHeight = sorted(finalizedHeight);
    series = sorted(series);
    latenciesNanos = sorted(latenciesNanos);
    messagesByType = sorted(messagesByType);
    timeline = List.copyOf(timeline);
    config = sorted(config);
  }

  /** A key-sorted unmodifiable copy: iteration order must not depend on the JVM. */
  private static <V> Map<String, V> sorted(Map<String, V> m) {
    return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(m));
  }

  /** Passed iff no invariant or pass criterion was violated. */
  public boolean passed() {
    return invariants.stream().noneMatch(i -> i.status() == InvariantResult.Status.VIOLATED);
  }

  public record MessageVolume(long count, long bytes) {}

  /** A fault or notable event at a virtual time, for the fault timeline. */
  public record TimelineEvent(double atSeconds, String kind, String detail) {}
}
