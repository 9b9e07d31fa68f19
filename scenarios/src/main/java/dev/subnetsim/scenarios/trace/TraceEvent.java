package dev.subnetsim.scenarios.trace;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.Observation;
import java.util.Objects;

/** One entry of a run's trace; everything the trace hash covers. Times are virtual nanoseconds. */
public sealed interface TraceEvent {
  long timeNanos();

  /** A message handed to its receiver at {@code timeNanos}. */
  record Delivered(
      long timeNanos, NodeId from, NodeId to, String kind, int size, byte[] payloadSha256)
      implements TraceEvent {}

  /**
   * A message that never arrives: sent at {@code timeNanos} and lost ("loss", "partition"), or
   * due at {@code timeNanos} at a crashed receiver ("receiver-down").
   */
  record Dropped(long timeNanos, NodeId from, NodeId to, String kind, int size, String reason)
      implements TraceEvent {}

  /** A replica's observation (state change claim) made at virtual time {@code timeNanos}. */
  record Observed(long timeNanos, NodeId node, Observation observation) implements TraceEvent {
    public Observed {
      Objects.requireNonNull(observation, "observation");
    }
  }

  /** A fault of the schedule took effect. */
  record FaultApplied(long timeNanos, String description) implements TraceEvent {}
}
