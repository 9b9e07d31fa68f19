package dev.subnetsim.scenarios.driver;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.TimedEvent;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.scenarios.RunRandom;
import dev.subnetsim.scenarios.faults.Fault;
import dev.subnetsim.scenarios.invariants.InvariantChecker;
import dev.subnetsim.scenarios.invariants.ReplicaRobustness;
import dev.subnetsim.scenarios.invariants.Violation;
import dev.subnetsim.scenarios.net.ClockSkew;
import dev.subnetsim.scenarios.net.LinkModel;
import dev.subnetsim.scenarios.trace.Trace;
import dev.subnetsim.scenarios.trace.TraceEvent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * The conductor of a simulated world (docs/ARCHITECTURE.md, "Determinism"). It owns virtual time
 * and the event queue, and is the only sender to the replica actors.
 *
 * <p>One iteration = one lookahead window [T, H): T is the earliest pending event and
 * H = min(T + L, next network or clock fault after T, end), with L the minimum link latency. Why a whole
 * window can be stepped in parallel: every message sent at a time t &gt;= T arrives at t + latency
 * &gt;= T + L &gt;= H, so nothing produced inside the window can affect another replica inside it;
 * the only intra-window feedback, a replica's own timers, is handled by the replica's shell. Each
 * replica with events in the window gets them in one Step (queue order = (time, seq)); all answers
 * are awaited, then merged canonically by {@link OutputRouter}. Network faults end a window so that
 * every send sees the partition state of its own send time.
 *
 * <p>Stops at the end time, at the first window with an invariant violation, or when nothing is
 * left to happen. Not thread-safe; one run per instance.
 */
public final class SimulationDriver implements AutoCloseable {
  private final SimulationConfig config;
  private final EventQueue queue = new EventQueue();
  private final NodeStatus status;
  private final LinkModel links;
  private final Trace trace;
  private final OutputRouter router;
  private final ReplicaHosts exchange;
  private final MessageDigest sha256;
  /**
   * Each payload's digest by array identity (arrays hash by identity; entries go when the array
   * does): a broadcast's receivers share one array, so it is hashed once, not once per receiver.
   * Only looked up, never iterated.
   */
  private final Map<byte[], byte[]> digests = new WeakHashMap<>();
  private boolean ran;
  private ClockSkew skew;
  /** A live run's hook between windows (subnet-sim serve); null in every scenario run. */
  private final LiveHook live;

  public SimulationDriver(SimulationConfig config) {
    this(config, null);
  }

  /** A driver whose run calls {@code live} between windows (null: none). */
  public SimulationDriver(SimulationConfig config, LiveHook live) {
    this(config, live, null);
  }

  /**
   * A driver whose replicas live in {@code hosts} (null: in this JVM, as {@code config} says);
   * the driver closes them when it is closed.
   */
  public SimulationDriver(SimulationConfig config, LiveHook live, ReplicaHosts hosts) {
    this.config = config;
    this.live = live;
    List<NodeId> nodes = config.topology().allNodes();
    this.status = new NodeStatus(nodes);
    this.links = config.network().build(config.seed());
    this.trace = new Trace(config.traceSinks());
    this.skew = config.clockSkew();
    this.router = new OutputRouter(queue, links, trace, config.checkers(),
        config.faults(), config.interceptors(),
        RunRandom.forPurpose(config.seed(), "net/interceptors"));
    this.exchange = hosts != null ? hosts : StepExchange.local(config);
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a config to completion and shuts the actor system down. */
  public static DriverOutcome run(SimulationConfig config) {
    return run(config, null);
  }

  /** As {@link #run(SimulationConfig)}, with the replicas in {@code hosts} (null: this JVM). */
  public static DriverOutcome run(SimulationConfig config, ReplicaHosts hosts) {
    try (SimulationDriver driver = new SimulationDriver(config, null, hosts)) {
      return driver.run();
    }
  }

  public DriverOutcome run() {
    if (ran) {
      throw new IllegalStateException("a driver runs once; build a new one");
    }
    ran = true;
    seed();
    long lookahead = Math.max(1, links.lookaheadNanos());
    long batches = 0;
    long now = 0;
    List<Violation> violations = new ArrayList<>();
    StopReason reason;
    long doneUntil = 0;
    while (true) {
      if (live != null) {
        for (SimulationConfig.IngressInjection i
            : live.between(doneUntil, queue.isEmpty() ? Long.MAX_VALUE : queue.peekTime())) {
          // Never before what has already happened: a replica's time must not go back.
          queue.add(Math.max(i.atNanos(), doneUntil), new WorldEvent.Ingress(i.node(),
              i.message()));
        }
        for (Fault f : live.faultsNow(doneUntil)) {
          queue.add(doneUntil, new WorldEvent.ApplyFault(f));
        }
      }
      if (queue.isEmpty()) {
        reason = StopReason.NO_EVENTS;
        break;
      }
      long t = queue.peekTime();
      if (t >= config.endNanos()) {
        now = config.endNanos();
        checkTime(now, violations);
        reason = violations.isEmpty() ? StopReason.END_TIME : StopReason.VIOLATION;
        break;
      }
      now = t;
      checkTime(t, violations);
      if (!violations.isEmpty()) {
        reason = StopReason.VIOLATION;
        break;
      }
      long horizon = Math.min(Math.min(t + lookahead, config.endNanos()), nextNetworkFaultAfter(t));
      TreeMap<NodeId, List<TimedEvent>> work = collectWindow(horizon);
      doneUntil = horizon;
      if (!work.isEmpty()) {
        // Local times are computed once the window is collected, with the skew in force for the
        // whole window (windows end at clock steps), so each replica's events stay ordered.
        Map<NodeId, Long> horizonLocal = new TreeMap<>();
        work.forEach((n, events) -> {
          horizonLocal.put(n, skew.toLocal(n, horizon));
          events.replaceAll(v -> new TimedEvent(skew.toLocal(n, v.localNanos()), v.event()));
        });
        ReplicaHosts.Answers answers = exchange.step(batches, work, horizonLocal);
        for (var failed : answers.failed().entrySet()) {
          if (failed.getValue() instanceof VirtualMachineError e) {
            // Out of memory or stack: the simulator's limits (exit 3), not a finding.
            throw new IllegalStateException("replica " + failed.getKey() + " failed in step "
                + batches + ": " + e, e);
          }
          violations.add(ReplicaRobustness.violation(t, failed.getKey(), failed.getValue()));
        }
        if (!violations.isEmpty()) {
          // A replica that threw has no trustworthy state: the window is not routed, the run ends.
          reason = StopReason.VIOLATION;
          break;
        }
        violations.addAll(router.route(answers.ok(), skew));
      }
      batches++;
      if (!violations.isEmpty()) {
        reason = StopReason.VIOLATION;
        break;
      }
    }
    return new DriverOutcome(config.seed(), trace.hashHex(), reason, now, batches, router.logicSteps(),
        trace.events(), violations, router.maxFinalized(), trace.deliveredByKind());
  }

  private void seed() {
    for (NodeId n : config.topology().allNodes()) {
      queue.addPlanned(0, new WorldEvent.Boot(n));
    }
    for (Fault f : config.faults().faults()) {
      queue.addPlanned(f.atNanos(), new WorldEvent.ApplyFault(f));
    }
    // Client messages are pulled as the run reaches them: a long, busy workload is never whole.
    queue.feed(config.ingress().iterator(), i -> new EventQueue.Timed(i.atNanos(),
        i.later() == null ? new WorldEvent.Ingress(i.node(), i.message())
            : new WorldEvent.LateIngress(i.node(), i.later())));
  }

  private void checkTime(long t, List<Violation> violations) {
    for (InvariantChecker c : config.checkers()) {
      violations.addAll(c.onTime(t));
    }
  }

  /** World-level changes that every send or clock reading of a window must see uniformly. */
  private static boolean endsWindow(Fault f) {
    return f instanceof Fault.PartitionNetwork || f instanceof Fault.Heal
        || f instanceof Fault.DegradeLinks || f instanceof Fault.SkewClock;
  }

  private long nextNetworkFaultAfter(long t) {
    for (Fault f : config.faults().faults()) {
      if (f.atNanos() > t && endsWindow(f)) {
        return f.atNanos();
      }
    }
    return Long.MAX_VALUE;
  }

  /** Pops every event before {@code horizon}, in queue order, into per-node event lists. */
  private TreeMap<NodeId, List<TimedEvent>> collectWindow(long horizon) {
    TreeMap<NodeId, List<TimedEvent>> work = new TreeMap<>();
    while (!queue.isEmpty() && queue.peekTime() < horizon) {
      EventQueue.Scheduled s = queue.poll();
      long t = s.timeNanos();
      WorldEvent e = s.event();
      NodeId target = targetOf(e);
      long until = target == null ? -1 : status.pausedUntil(target, t);
      if (until >= 0) {
        queue.add(until, e); // handed over when the pause ends, in the original order
        continue;
      }
      if (e instanceof WorldEvent.Deliver d) {
        deliver(t, d.envelope(), work);
      } else if (e instanceof WorldEvent.Timer timer) {
        if (status.isUp(timer.node()) && status.incarnation(timer.node()) == timer.incarnation()) {
          add(work, timer.node(), t, new InboundEvent.TimerFired(timer.timerId()));
        }
      } else if (e instanceof WorldEvent.Ingress in) {
        if (status.isUp(in.node())) {
          add(work, in.node(), t, new InboundEvent.IngressSubmitted(Bytes.of(in.message())));
        }
      } else if (e instanceof WorldEvent.LateIngress in) {
        // Made here, in time order on the driver's thread, from what the run's earlier windows
        // showed; made whether or not the node is up, as a client sends to a node it cannot see.
        byte[] message = in.maker().get();
        if (message != null && status.isUp(in.node())) {
          add(work, in.node(), t, new InboundEvent.IngressSubmitted(Bytes.of(message)));
        }
      } else if (e instanceof WorldEvent.Boot b) {
        add(work, b.node(), t, new InboundEvent.Start(status.start(b.node())));
      } else if (e instanceof WorldEvent.ApplyFault f) {
        applyFault(t, f.fault(), work);
      }
    }
    return work;
  }

  /** The node an event is addressed to, or null for world-wide events (partitions). */
  private static NodeId targetOf(WorldEvent e) {
    if (e instanceof WorldEvent.Deliver d) {
      return d.envelope().to();
    } else if (e instanceof WorldEvent.Timer t) {
      return t.node();
    } else if (e instanceof WorldEvent.Ingress i) {
      return i.node();
    } else if (e instanceof WorldEvent.LateIngress i) {
      return i.node();
    } else if (e instanceof WorldEvent.Boot b) {
      return b.node();
    } else if (e instanceof WorldEvent.ApplyFault f) {
      Fault fault = f.fault();
      if (fault instanceof Fault.Crash c) {
        return c.node();
      } else if (fault instanceof Fault.Restart r) {
        return r.node();
      } else if (fault instanceof Fault.Pause p) {
        return p.node();
      }
    }
    return null;
  }

  private void deliver(long t, Envelope env, TreeMap<NodeId, List<TimedEvent>> work) {
    if (!status.isUp(env.to())) {
      trace.record(new TraceEvent.Dropped(
          t, env.from(), env.to(), env.kind().wireName(), env.wireSize(), "receiver-down"));
      return;
    }
    trace.record(new TraceEvent.Delivered(t, env.from(), env.to(), env.kind().wireName(),
        env.wireSize(),
        digests.computeIfAbsent(env.payload(), sha256::digest)));
    // The receivers of a broadcast share the sender's array (Envelope: never mutated; every
    // tampering in a replica copies first). A copy per receiver was most of a 34-node run's heap:
    // a block proposal of megabytes, copied for 33 receivers, waiting in their mailboxes.
    add(work, env.to(), t, new InboundEvent.MessageDelivered(env));
  }

  private void applyFault(long t, Fault fault, TreeMap<NodeId, List<TimedEvent>> work) {
    trace.record(new TraceEvent.FaultApplied(t, fault.toString()));
    if (fault instanceof Fault.Crash c) {
      if (status.isUp(c.node())) {
        status.crash(c.node());
        add(work, c.node(), t, new InboundEvent.Crash());
      }
    } else if (fault instanceof Fault.Restart r) {
      if (!status.isUp(r.node())) {
        add(work, r.node(), t, new InboundEvent.Start(status.start(r.node())));
      }
    } else if (fault instanceof Fault.Pause p) {
      status.pause(p.node(), p.untilNanos());
    } else if (fault instanceof Fault.PartitionNetwork p) {
      links.partition(p.partition());
    } else if (fault instanceof Fault.Heal) {
      links.heal();
    } else if (fault instanceof Fault.DegradeLinks d) {
      links.degrade(new LinkModel.Degradation(
          d.from(), d.to(), d.loss(), d.extraDelayNanos(), d.untilNanos()));
    } else if (fault instanceof Fault.SkewClock c) {
      skew = skew.with(c.node(), c.skewNanos());
    }
  }

  private void add(TreeMap<NodeId, List<TimedEvent>> work, NodeId node, long t, InboundEvent e) {
    work.computeIfAbsent(node, k -> new ArrayList<>())
        .add(new TimedEvent(t, e)); // virtual time for now; made local when the window is sent
  }

  @Override
  public void close() {
    exchange.close();
  }

}
