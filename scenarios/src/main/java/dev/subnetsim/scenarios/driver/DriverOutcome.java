package dev.subnetsim.scenarios.driver;

import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.invariants.Violation;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The driver's raw outcome of a simulated run: trace hash, counters and violations as the driver
 * saw them. The report model built from it is {@link dev.subnetsim.scenarios.result.RunResult}.
 *
 * @param traceHash hex SHA-256 of the whole trace (same seed => same hash)
 * @param virtualNanos simulated time reached
 * @param batches lookahead windows executed
 * @param logicSteps {@code ReplicaLogic.step} calls made across all replicas
 * @param maxFinalizedHeight per subnet, the highest height an honest replica reported finalized
 * @param deliveredByKind message kind -> {messages, bytes} delivered
 */
public record DriverOutcome(
    long seed,
    String traceHash,
    StopReason stopReason,
    long virtualNanos,
    long batches,
    long logicSteps,
    long traceEvents,
    List<Violation> violations,
    Map<SubnetId, Long> maxFinalizedHeight,
    Map<String, long[]> deliveredByKind) {

  public DriverOutcome {
    violations = List.copyOf(violations);
    // Sorted copies: Map.copyOf iterates in a per-JVM random order, and callers print these.
    maxFinalizedHeight = Collections.unmodifiableSortedMap(new TreeMap<>(maxFinalizedHeight));
    deliveredByKind = Collections.unmodifiableSortedMap(new TreeMap<>(deliveredByKind));
  }

  public boolean passed() {
    return violations.isEmpty();
  }
}
