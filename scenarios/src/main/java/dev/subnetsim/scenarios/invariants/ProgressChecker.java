package dev.subnetsim.scenarios.invariants;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.faults.HealthTimeline;
import dev.subnetsim.scenarios.topology.SubnetSpec;
import dev.subnetsim.scenarios.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Liveness under partial synchrony, as a checkable bound: whenever a subnet has been healthy (no
 * partition splitting it, at most f faulty members, per the fault schedule) for longer than
 * {@code boundNanos}, its highest height finalized by an honest replica must have advanced within
 * the last {@code boundNanos}. One violation is reported per stall.
 */
public final class ProgressChecker implements InvariantChecker {
  private final Topology topology;
  private final FaultSchedule faults;
  private final long boundNanos;
  private final TreeMap<SubnetId, long[]> progress = new TreeMap<>(); // {height, lastAdvance}
  private final TreeMap<SubnetId, Boolean> stalled = new TreeMap<>();
  private final TreeMap<SubnetId, HealthTimeline> health = new TreeMap<>();

  public ProgressChecker(Topology topology, FaultSchedule faults, long boundNanos) {
    if (boundNanos <= 0) {
      throw new IllegalArgumentException("progress bound must be positive: " + boundNanos);
    }
    this.topology = topology;
    this.faults = faults;
    this.boundNanos = boundNanos;
    for (SubnetSpec s : topology.subnets()) {
      progress.put(s.id(), new long[] {-1, 0});
      health.put(s.id(), faults.healthTimeline(topology, s.id()));
    }
  }

  @Override
  public String name() {
    return "progress";
  }

  @Override
  public List<Violation> onObservation(long timeNanos, NodeId node, Observation observation) {
    if (observation instanceof Observation.Finalized f && !faults.isByzantine(node)) {
      long[] p = progress.get(f.subnet());
      if (p != null && f.height() > p[0]) {
        p[0] = f.height();
        p[1] = timeNanos;
        stalled.remove(f.subnet());
      }
    }
    return List.of();
  }

  @Override
  public List<Violation> onTime(long timeNanos) {
    List<Violation> out = new ArrayList<>();
    for (SubnetSpec s : topology.subnets()) {
      OptionalLong since = health.get(s.id()).healthySince(timeNanos);
      if (since.isEmpty() || stalled.containsKey(s.id())) {
        continue;
      }
      long[] p = progress.get(s.id());
      long reference = Math.max(since.getAsLong(), p[1]);
      if (timeNanos - reference > boundNanos) {
        stalled.put(s.id(), true);
        out.add(new Violation(name(), timeNanos,
            "subnet " + s.id() + " healthy since " + since.getAsLong() + " ns but finalized height "
                + p[0] + " has not advanced since " + p[1] + " ns (bound " + boundNanos + " ns)"));
      }
    }
    return out;
  }
}
