package dev.subnetsim.scenarios.driver;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.ReplicaLogicFactory;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.InvariantChecker;
import dev.subnetsim.scenarios.net.ClockSkew;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.net.SendInterceptor;
import dev.subnetsim.scenarios.topology.Topology;
import dev.subnetsim.scenarios.trace.TraceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a simulated run is a function of (plus the replica logic's own determinism). The
 * dispatcher thread count is here too, though results must not depend on it.
 *
 * <p>Checkers are stateful: build a fresh config (and checkers) per run.
 */
public record SimulationConfig(
    long seed,
    Topology topology,
    ReplicaLogicFactory logicFactory,
    LinkModel.Builder network,
    ClockSkew clockSkew,
    FaultSchedule faults,
    List<InvariantChecker> checkers,
    List<SendInterceptor> interceptors,
    IngressSchedule ingress,
    List<TraceSink> traceSinks,
    long endNanos,
    int dispatcherThreads) {

  /**
   * A client message submitted to {@code node} at virtual time {@code atNanos}; or, with {@code
   * later}, made by its client only when the run reaches that time (its arguments need what exists
   * only then, such as keys generated through consensus), {@code message} then empty.
   */
  public record IngressInjection(long atNanos, NodeId node, byte[] message,
      java.util.function.Supplier<byte[]> later) {
    public IngressInjection(long atNanos, NodeId node, byte[] message) {
      this(atNanos, node, message, null);
    }

    /** A message made when it is sent; its maker may return null: nothing is sent. */
    public static IngressInjection later(long atNanos, NodeId node,
        java.util.function.Supplier<byte[]> maker) {
      return new IngressInjection(atNanos, node, new byte[0], Objects.requireNonNull(maker));
    }
  }

  public SimulationConfig {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(logicFactory, "logicFactory");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(clockSkew, "clockSkew");
    Objects.requireNonNull(faults, "faults");
    checkers = List.copyOf(checkers);
    interceptors = List.copyOf(interceptors);
    Objects.requireNonNull(ingress, "ingress");
    traceSinks = List.copyOf(traceSinks);
    if (endNanos <= 0) {
      throw new IllegalArgumentException("end time must be positive: " + endNanos);
    }
    if (dispatcherThreads < 1) {
      throw new IllegalArgumentException("dispatcher threads must be >= 1: " + dispatcherThreads);
    }
  }

  /** This config with another replica logic (e.g. a Byzantine or instrumented variant). */
  public SimulationConfig withLogic(ReplicaLogicFactory otherLogic) {
    return new SimulationConfig(seed, topology, otherLogic, network, clockSkew, faults, checkers,
        interceptors, ingress, traceSinks, endNanos, dispatcherThreads);
  }

  /** This config with another network model. */
  public SimulationConfig withNetwork(LinkModel.Builder otherNetwork) {
    return new SimulationConfig(seed, topology, logicFactory, otherNetwork, clockSkew, faults,
        checkers, interceptors, ingress, traceSinks, endNanos, dispatcherThreads);
  }

  public static Builder builder(Topology topology, ReplicaLogicFactory logic,
      LinkModel.Builder network) {
    return new Builder(topology, logic, network);
  }

  /** Defaults: seed 0, no skew, no faults, no checkers, 10 simulated seconds, 1 thread. */
  public static final class Builder {
    private final Topology topology;
    private final ReplicaLogicFactory logic;
    private final LinkModel.Builder network;
    private long seed;
    private ClockSkew skew = ClockSkew.none();
    private FaultSchedule faults = FaultSchedule.none();
    private final List<InvariantChecker> checkers = new ArrayList<>();
    private final List<SendInterceptor> interceptors = new ArrayList<>();
    private final IngressSchedule.Builder ingress = new IngressSchedule.Builder();
    private final List<TraceSink> sinks = new ArrayList<>();
    private long endNanos = 10_000_000_000L;
    private int threads = 1;

    private Builder(Topology topology, ReplicaLogicFactory logic, LinkModel.Builder network) {
      this.topology = topology;
      this.logic = logic;
      this.network = network;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder clockSkew(ClockSkew skew) {
      this.skew = skew;
      return this;
    }

    public Builder faults(FaultSchedule faults) {
      this.faults = faults;
      return this;
    }

    public Builder checker(InvariantChecker checker) {
      checkers.add(checker);
      return this;
    }

    /** Adds a send interceptor; interceptors apply in the order added, each to the previous one's output. */
    public Builder interceptor(SendInterceptor interceptor) {
      interceptors.add(interceptor);
      return this;
    }

    public Builder ingress(long atNanos, NodeId node, byte[] message) {
      ingress.add(new IngressInjection(atNanos, node, message.clone()));
      return this;
    }

    /** Adds a whole ingress schedule, in any order (ties keep their order). */
    public Builder ingress(List<IngressInjection> schedule) {
      schedule.forEach(i -> ingress.add(i.later() != null ? i
          : new IngressInjection(i.atNanos(), i.node(), i.message().clone())));
      return this;
    }

    /**
     * Adds a generated ingress source (e.g. {@code PoissonIngress.stream(...)}), which the driver
     * reads as the run goes instead of holding it whole.
     */
    public Builder ingress(IngressStream stream) {
      ingress.addTimeOrdered(stream);
      return this;
    }

    public Builder traceSink(TraceSink sink) {
      sinks.add(sink);
      return this;
    }

    public Builder endNanos(long endNanos) {
      this.endNanos = endNanos;
      return this;
    }

    public Builder dispatcherThreads(int threads) {
      this.threads = threads;
      return this;
    }

    public SimulationConfig build() {
      return new SimulationConfig(seed, topology, logic, network, skew, faults, checkers,
          interceptors, ingress.build(), sinks, endNanos, threads);
    }
  }
}
