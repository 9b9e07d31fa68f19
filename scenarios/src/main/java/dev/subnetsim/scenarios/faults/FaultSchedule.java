package dev.subnetsim.scenarios.faults;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.scenarios.net.Partition;
import dev.subnetsim.scenarios.topology.Topology;
import dev.subnetsim.consensus.types.SubnetId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The timed fault schedule of a run, and the questions checkers ask about it: which nodes are
 * faulty at time t, and since when a subnet has been "healthy" (no partition separating its
 * members and at most f faulty members). Fault injection (the driver) and checking (the
 * invariants) read the same schedule but are separate code.
 *
 * <p>Byzantine nodes are listed statically: they count as faulty for the whole run and their
 * observations are ignored by the agreement checkers. (Byzantine behaviours plug in later.)
 */
public final class FaultSchedule {
  private final List<Fault> faults;
  private final TreeSet<NodeId> byzantine;

  public FaultSchedule(List<? extends Fault> faults, Set<NodeId> byzantine) {
    List<Fault> sorted = new ArrayList<>(faults);
    sorted.sort(Comparator.comparingLong(Fault::atNanos)); // stable: ties keep declaration order
    for (Fault f : sorted) {
      if (f.atNanos() < 0) {
        throw new IllegalArgumentException("fault before time 0: " + f);
      }
    }
    this.faults = List.copyOf(sorted);
    this.byzantine = new TreeSet<>(byzantine);
  }

  public static FaultSchedule none() {
    return new FaultSchedule(List.of(), Set.of());
  }

  /** Faults in time order (ties in declaration order). */
  public List<Fault> faults() {
    return faults;
  }

  public boolean isByzantine(NodeId node) {
    return byzantine.contains(node);
  }

  /** True if {@code node} is crashed at time {@code t} (a crash at t counts, a restart at t not). */
  public boolean isCrashedAt(NodeId node, long t) {
    boolean crashed = false;
    for (Fault f : faults) {
      if (f.atNanos() > t) {
        break;
      }
      if (f instanceof Fault.Crash c && c.node().equals(node)) {
        crashed = true;
      } else if (f instanceof Fault.Restart r && r.node().equals(node)) {
        crashed = false;
      }
    }
    return crashed;
  }

  /** True if a {@link Fault.Pause} of {@code node} covers {@code t}. */
  public boolean isPausedAt(NodeId node, long t) {
    for (Fault f : faults) {
      if (f.atNanos() > t) {
        break;
      }
      if (f instanceof Fault.Pause p && p.node().equals(node) && t < p.untilNanos()) {
        return true;
      }
    }
    return false;
  }

  /** Crashed, paused or Byzantine at {@code t}. */
  public boolean isFaultyAt(NodeId node, long t) {
    return isByzantine(node) || isCrashedAt(node, t) || isPausedAt(node, t);
  }

  /** The partition in force at {@code t}, if any. */
  public Optional<Partition> partitionAt(long t) {
    Partition p = null;
    for (Fault f : faults) {
      if (f.atNanos() > t) {
        break;
      }
      if (f instanceof Fault.PartitionNetwork pn) {
        p = pn.partition();
      } else if (f instanceof Fault.Heal) {
        p = null;
      }
    }
    return Optional.ofNullable(p);
  }

  /**
   * Whether {@code subnet} is healthy at {@code t} and, if so, the start of the current healthy
   * stretch (0 if healthy since the beginning). Healthy = no partition separates two of its
   * members, no link between two members is degraded, and at most f of them are faulty.
   */
  public OptionalLong healthySince(Topology topology, SubnetId subnet, long t) {
    return healthTimeline(topology, subnet).healthySince(t);
  }

  /** The subnet's health over the whole run (see {@link #healthySince}), for repeated queries. */
  public HealthTimeline healthTimeline(Topology topology, SubnetId subnet) {
    TreeMap<Long, Long> sinceAt = new TreeMap<>();
    long since = -1;
    for (long change : changeTimes(Long.MAX_VALUE)) {
      boolean healthy = isHealthyAt(topology, subnet, change);
      if (healthy && since < 0) {
        since = change;
      } else if (!healthy) {
        since = -1;
      }
      sinceAt.put(change, since);
    }
    return new HealthTimeline(sinceAt);
  }

  private static boolean degradesWithin(Fault.DegradeLinks d, List<NodeId> members) {
    for (NodeId a : members) {
      for (NodeId b : members) {
        if (d.affects(a, b)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every time up to {@code t} at which the fault state can change, ascending. */
  private TreeSet<Long> changeTimes(long t) {
    TreeSet<Long> times = new TreeSet<>();
    times.add(0L);
    for (Fault f : faults) {
      if (f.atNanos() > t) {
        break;
      }
      times.add(f.atNanos());
      if (f instanceof Fault.Pause p && p.untilNanos() <= t) {
        times.add(p.untilNanos());
      }
      if (f instanceof Fault.DegradeLinks d && d.untilNanos() <= t) {
        times.add(d.untilNanos());
      }
    }
    return times;
  }

  private boolean isHealthyAt(Topology topology, SubnetId subnet, long t) {
    List<NodeId> members = topology.members(subnet);
    int faulty = 0;
    for (NodeId n : members) {
      if (isFaultyAt(n, t)) {
        faulty++;
      }
    }
    if (faulty > topology.subnet(subnet).faultTolerance()) {
      return false;
    }
    for (Fault f : faults) {
      if (f.atNanos() > t) {
        break;
      }
      if (f instanceof Fault.DegradeLinks d && t < d.untilNanos() && degradesWithin(d, members)) {
        return false;
      }
    }
    Optional<Partition> p = partitionAt(t);
    if (p.isEmpty()) {
      return true;
    }
    for (NodeId a : members) {
      if (p.get().separates(members.get(0), a)) {
        return false;
      }
    }
    return true;
  }
}
