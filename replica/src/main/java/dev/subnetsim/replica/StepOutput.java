package dev.subnetsim.replica;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.net.CollectingNetwork;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.replica.net.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one {@link ReplicaLogic#step} produced, each list in the order the logic produced it
 * (the "output index" of the driver's canonical merge).
 *
 * @param sends envelopes to route through the link model
 * @param timers timers to fire later, in the replica's local time
 * @param observations claims for the checkers and the trace
 * @param cpuNanos virtual CPU time the step took (e.g. its crypto operations priced from a cost
 *     table); the step's sends leave that much later, so protocol latency includes crypto cost.
 *     0 = instantaneous.
 */
public record StepOutput(
    List<Envelope> sends, List<TimerRequest> timers, List<Observation> observations,
    long cpuNanos) {

  public static final StepOutput EMPTY = new StepOutput(List.of(), List.of(), List.of());

  public StepOutput {
    sends = List.copyOf(sends);
    timers = List.copyOf(timers);
    observations = List.copyOf(observations);
    if (cpuNanos < 0) {
      throw new IllegalArgumentException("cpu time must be >= 0: " + cpuNanos);
    }
  }

  /** An output that took no virtual CPU time. */
  public StepOutput(
      List<Envelope> sends, List<TimerRequest> timers, List<Observation> observations) {
    this(sends, timers, observations, 0);
  }

  public boolean isEmpty() {
    return sends.isEmpty() && timers.isEmpty() && observations.isEmpty();
  }

  /** This output with {@code timers} replaced (used by the shell for timers it consumed itself). */
  public StepOutput withTimers(List<TimerRequest> newTimers) {
    return new StepOutput(sends, newTimers, observations, cpuNanos);
  }

  /**
   * A builder for one step's output; {@link #network()} is the {@link Network} the logic sends
   * through during the step.
   */
  public static Builder builder(NodeId self, List<NodeId> peers) {
    return new Builder(self, peers);
  }

  /** Accumulates one step's effects. Not thread-safe: one step is single-threaded. */
  public static final class Builder {
    private final CollectingNetwork network;
    private final List<TimerRequest> timers = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();
    private long cpuNanos;

    private Builder(NodeId self, List<NodeId> peers) {
      this.network = new CollectingNetwork(self, peers);
    }

    public Network network() {
      return network;
    }

    public Builder timer(long atLocalNanos, long timerId) {
      timers.add(new TimerRequest(atLocalNanos, timerId));
      return this;
    }

    public Builder observe(Observation observation) {
      observations.add(observation);
      return this;
    }

    /** Adds virtual CPU time spent in this step (see {@link StepOutput#cpuNanos}). */
    public Builder chargeCpu(long nanos) {
      if (nanos < 0) {
        throw new IllegalArgumentException("cpu time must be >= 0: " + nanos);
      }
      cpuNanos = Math.addExact(cpuNanos, nanos);
      return this;
    }

    public StepOutput build() {
      return new StepOutput(network.sent(), timers, observations, cpuNanos);
    }
  }
}
