package dev.subnetsim.replica;

import dev.subnetsim.consensus.types.NodeId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The actor-free core of {@link ReplicaActor}: owns the replica's {@link ReplicaLogic}, its
 * lifecycle (crash discards the logic; start/restart creates a fresh one from the factory), and
 * runs one lookahead window.
 *
 * <p>Why windows: the driver hands a replica every event it will see in [T, T+L), where L is the
 * minimum link latency, in one message. Nothing another replica sends in that window can arrive
 * before T+L, but the replica's own timers can; so the shell fires timers due before the horizon
 * itself, in time order, interleaved with the driver's events exactly as a one-event-at-a-time
 * simulation would (events at equal times: the driver's first, then timers in request order).
 * Timers at or after the horizon go back to the driver.
 */
public final class ReplicaShell {

  /** Guard against logic that keeps setting timers at its own "now" (it would never return). */
  static final int MAX_STEPS_PER_WINDOW = 1_000_000;

  private final NodeId node;
  private final ReplicaLogicFactory factory;
  private ReplicaLogic logic;
  private int incarnation = -1;

  public ReplicaShell(NodeId node, ReplicaLogicFactory factory) {
    this.node = Objects.requireNonNull(node, "node");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  public NodeId node() {
    return node;
  }

  /** True between a {@link InboundEvent.Start} and the next {@link InboundEvent.Crash}. */
  public boolean isUp() {
    return logic != null;
  }

  /**
   * Runs the window: {@code events} sorted by local time (all before {@code horizonLocalNanos}),
   * plus the timers they trigger that fall before the horizon. Events reaching a crashed replica
   * (other than a Start) are dropped.
   */
  public List<LocalStep> runWindow(List<TimedEvent> events, long horizonLocalNanos) {
    PriorityQueue<Pending> queue =
        new PriorityQueue<>(Comparator.comparingLong(Pending::time).thenComparingLong(Pending::seq));
    long seq = 0;
    long previous = Long.MIN_VALUE;
    for (TimedEvent e : events) {
      if (e.localNanos() < previous || e.localNanos() >= horizonLocalNanos) {
        throw new IllegalArgumentException(
            "window events must be time-ordered and before the horizon " + horizonLocalNanos
                + ": " + e);
      }
      previous = e.localNanos();
      queue.add(new Pending(e.localNanos(), seq++, e.event(), false));
    }
    List<LocalStep> steps = new ArrayList<>();
    List<InboundEvent> batch = new ArrayList<>();
    while (!queue.isEmpty()) {
      long now = queue.peek().time();
      while (!queue.isEmpty() && queue.peek().time() == now) {
        InboundEvent event = queue.poll().event();
        if (event instanceof InboundEvent.Crash) {
          seq = flush(now, batch, horizonLocalNanos, queue, seq, steps);
          logic = null;
          queue.removeIf(Pending::localTimer);
        } else if (event instanceof InboundEvent.Start start) {
          seq = flush(now, batch, horizonLocalNanos, queue, seq, steps);
          incarnation = start.incarnation();
          logic = factory.create(node, incarnation);
          queue.removeIf(Pending::localTimer);
          batch.add(event);
        } else if (logic != null) {
          batch.add(event);
        }
      }
      seq = flush(now, batch, horizonLocalNanos, queue, seq, steps);
      if (steps.size() > MAX_STEPS_PER_WINDOW) {
        throw new IllegalStateException(
            node + ": more than " + MAX_STEPS_PER_WINDOW + " steps in one window (timer loop?)");
      }
    }
    return steps;
  }

  private long flush(
      long now,
      List<InboundEvent> batch,
      long horizon,
      PriorityQueue<Pending> queue,
      long seq,
      List<LocalStep> steps) {
    if (batch.isEmpty() || logic == null) {
      batch.clear();
      return seq;
    }
    StepOutput out = logic.step(now, List.copyOf(batch));
    batch.clear();
    List<TimerRequest> deferred = new ArrayList<>();
    for (TimerRequest t : out.timers()) {
      if (t.atLocalNanos() < horizon) {
        // A timer due at or before "now" fires right after this step, still at "now".
        queue.add(
            new Pending(
                Math.max(now, t.atLocalNanos()), seq++, new InboundEvent.TimerFired(t.timerId()),
                true));
      } else {
        deferred.add(t);
      }
    }
    steps.add(new LocalStep(now, incarnation, out.withTimers(deferred)));
    return seq;
  }

  private record Pending(long time, long seq, InboundEvent event, boolean localTimer) {}
}
