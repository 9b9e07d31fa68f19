package dev.subnetsim.scenarios.invariants;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.Observation;
import java.util.List;

/**
 * Watches a run as it happens. Fed every observation in trace order and told when virtual time
 * advances; returns the violations found (empty if none). Checkers only observe: fault injection
 * is the driver's and the fault schedule's business.
 */
public interface InvariantChecker {

  String name();

  List<Violation> onObservation(long timeNanos, NodeId node, Observation observation);

  /** Virtual time reached {@code timeNanos} (called once per driver batch and at the end). */
  default List<Violation> onTime(long timeNanos) {
    return List.of();
  }
}
