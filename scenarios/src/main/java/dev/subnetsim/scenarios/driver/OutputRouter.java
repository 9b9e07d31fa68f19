package dev.subnetsim.scenarios.driver;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.LocalStep;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaActor;
import dev.subnetsim.replica.TimerRequest;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.invariants.InvariantChecker;
import dev.subnetsim.scenarios.invariants.Violation;
import dev.subnetsim.scenarios.net.ClockSkew;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.net.SendInterceptor;
import dev.subnetsim.scenarios.net.Transmission;
import dev.subnetsim.scenarios.trace.Trace;
import dev.subnetsim.scenarios.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The canonical merge: turns a window's answers into trace entries, checker input, deliveries and
 * timers. Logic steps are ordered by (virtual time, node id, step index within the node's
 * window), and each step's outputs by output index: observations, then sends, then timers. Every
 * random sample of the link model is drawn in this order, so it does not depend on which replica
 * answered first.
 */
final class OutputRouter {
  private final EventQueue queue;
  private final LinkModel links;
  private final Trace trace;
  private final List<InvariantChecker> checkers;
  private final FaultSchedule faults;
  private final List<SendInterceptor> interceptors;
  private final RandomGenerator interceptorRng;
  private final TreeMap<SubnetId, Long> maxFinalized = new TreeMap<>();
  /** Per node: until when its virtual CPU is busy, and for which incarnation. */
  private final TreeMap<NodeId, Busy> busy = new TreeMap<>();
  private long logicSteps;

  /** A node's CPU is busy until {@code untilNanos} with the work of {@code incarnation}. */
  private record Busy(int incarnation, long untilNanos) {}

  OutputRouter(EventQueue queue, LinkModel links, Trace trace,
      List<InvariantChecker> checkers, FaultSchedule faults, List<SendInterceptor> interceptors,
      RandomGenerator interceptorRng) {
    this.queue = queue;
    this.links = links;
    this.trace = trace;
    this.checkers = checkers;
    this.faults = faults;
    this.interceptors = interceptors;
    this.interceptorRng = interceptorRng;
  }

  private record Item(long virtualNanos, NodeId node, int index, LocalStep step) {}

  private static final Comparator<Item> CANONICAL = Comparator.comparingLong(Item::virtualNanos)
      .thenComparing(Item::node).thenComparingInt(Item::index);

  /**
   * Routes all outputs of one window, converting local times with {@code skew} (constant within a
   * window); returns the violations the checkers found.
   */
  List<Violation> route(TreeMap<NodeId, ReplicaActor.Stepped> answers, ClockSkew skew) {
    List<Item> items = new ArrayList<>();
    for (Map.Entry<NodeId, ReplicaActor.Stepped> e : answers.entrySet()) {
      List<LocalStep> steps = e.getValue().steps();
      for (int i = 0; i < steps.size(); i++) {
        LocalStep s = steps.get(i);
        items.add(new Item(skew.toVirtual(e.getKey(), s.localNanos()), e.getKey(), i, s));
      }
    }
    items.sort(CANONICAL);
    List<Violation> violations = new ArrayList<>();
    for (Item item : items) {
      logicSteps++;
      for (Observation o : item.step().output().observations()) {
        observe(item.virtualNanos(), item.node(), o, violations);
      }
      long departure = departure(item);
      for (Envelope env : item.step().output().sends()) {
        send(departure, env);
      }
      for (TimerRequest t : item.step().output().timers()) {
        queue.add(skew.toVirtual(item.node(), t.atLocalNanos()),
            new WorldEvent.Timer(item.node(), item.step().incarnation(), t.timerId()));
      }
    }
    return violations;
  }

  /**
   * When a step's sends leave: a node's CPU works through its steps in order, so a step that took
   * virtual CPU time sends when the CPU is done with it and with the node's earlier work (a
   * restarted node starts with an idle CPU). Without CPU time the sends leave at once.
   */
  private long departure(Item item) {
    long cpu = item.step().output().cpuNanos();
    Busy b = busy.get(item.node());
    long start = b == null || b.incarnation() != item.step().incarnation()
        ? item.virtualNanos() : Math.max(item.virtualNanos(), b.untilNanos());
    long done = Math.addExact(start, cpu);
    if (cpu > 0 || b != null) {
      busy.put(item.node(), new Busy(item.step().incarnation(), done));
    }
    return done;
  }

  private void observe(long t, NodeId node, Observation o, List<Violation> violations) {
    trace.record(new TraceEvent.Observed(t, node, o));
    if (o instanceof Observation.Finalized f && !faults.isByzantine(node)) {
      maxFinalized.merge(f.subnet(), f.height(), Math::max);
    }
    for (InvariantChecker c : checkers) {
      violations.addAll(c.onObservation(t, node, o));
    }
  }

  private void send(long sentAt, Envelope original) {
    List<Envelope> onWire = List.of(original);
    for (SendInterceptor i : interceptors) {
      List<Envelope> next = new ArrayList<>();
      for (Envelope e : onWire) {
        next.addAll(i.intercept(sentAt, e, interceptorRng));
      }
      onWire = next;
    }
    if (onWire.isEmpty()) {
      trace.record(new TraceEvent.Dropped(sentAt, original.from(), original.to(),
          original.kind().wireName(),
          original.wireSize(), "intercepted"));
    }
    for (Envelope env : onWire) {
      transmit(sentAt, env);
    }
  }

  private void transmit(long sentAt, Envelope env) {
    Transmission verdict = links.transmit(env, sentAt);
    if (verdict instanceof Transmission.Arrives a) {
      queue.add(a.atNanos(), new WorldEvent.Deliver(env));
    } else if (verdict instanceof Transmission.Dropped d) {
      trace.record(new TraceEvent.Dropped(
          sentAt, env.from(), env.to(), env.kind().wireName(), env.wireSize(), d.reason()));
    }
  }

  long logicSteps() {
    return logicSteps;
  }

  Map<SubnetId, Long> maxFinalized() {
    return maxFinalized;
  }
}
