package dev.subnetsim.replica;

import java.util.List;

/**
 * The pure, single-threaded behaviour of one replica: consensus, execution, certification... The
 * actor shell ({@link ReplicaActor}) calls it; it never sees actors, threads or the wall clock.
 *
 * <p>Contract (what makes simulated runs replay bit-for-bit): the output must be a function of the
 * logic's construction arguments (including any {@code RandomGenerator} handed to it by the
 * factory) and the sequence of {@code step} calls. No static mutable state, no wall clock, no
 * unseeded randomness, no iteration over hash-ordered collections where order matters. The bytes
 * of a delivered message are never modified: the receivers of a broadcast share one array.
 */
public interface ReplicaLogic {

  /**
   * Handles all {@code events} that happen at {@code nowNanos} (the replica's local clock), in
   * the given order, and returns what to send, which timers to set and what to report.
   * {@code nowNanos} never decreases between calls.
   */
  StepOutput step(long nowNanos, List<InboundEvent> events);
}
