package dev.subnetsim.scenarios.faults;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.scenarios.RunRandom;
import dev.subnetsim.scenarios.net.Partition;
import dev.subnetsim.scenarios.topology.SubnetSpec;
import dev.subnetsim.scenarios.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Random fault schedules from a seed (VOPR / Twins style fuzzing): crashes, restarts, pauses,
 * partitions, heals and link degradations at random times in the first 80% of the run. Crashes
 * and pauses never make more than f nodes of a subnet faulty at once, so a correct protocol must
 * stay safe throughout and live whenever the schedule is healthy; at 80% everything is healed and
 * restarted, leaving a healthy tail in which progress must resume. The same seed gives the same
 * schedule, so a failing seed is its own reproduction.
 */
public final class FaultFuzzer {
  private FaultFuzzer() {}

  public static FaultSchedule generate(long seed, Topology topology, long durationNanos,
      int faults) {
    RandomGenerator rng = RunRandom.forPurpose(seed, "fuzz/faults");
    long calmFrom = durationNanos / 10 * 8;
    TreeSet<Long> times = new TreeSet<>();
    while (times.size() < faults) {
      times.add(rng.nextLong(1, calmFrom));
    }
    List<NodeId> all = topology.allNodes();
    TreeSet<NodeId> crashed = new TreeSet<>();
    TreeMap<NodeId, Long> pausedUntil = new TreeMap<>();
    boolean partitioned = false;
    List<Fault> out = new ArrayList<>();
    for (long t : times) {
      pausedUntil.values().removeIf(until -> until <= t);
      NodeId node = all.get(rng.nextInt(all.size()));
      boolean canFail = !crashed.contains(node) && !pausedUntil.containsKey(node)
          && faultyIn(topology, node, crashed, pausedUntil) < subnetOf(topology, node).faultTolerance();
      switch (rng.nextInt(6)) {
        case 0 -> {
          if (canFail) {
            crashed.add(node);
            out.add(new Fault.Crash(t, node));
          }
        }
        case 1 -> {
          if (!crashed.isEmpty()) {
            NodeId back = List.copyOf(crashed).get(rng.nextInt(crashed.size()));
            crashed.remove(back);
            out.add(new Fault.Restart(t, back));
          }
        }
        case 2 -> {
          if (canFail) {
            long until = Math.min(calmFrom, t + rng.nextLong(50_000_000L, 1_000_000_000L));
            if (until > t) {
              pausedUntil.put(node, until);
              out.add(new Fault.Pause(t, node, until));
            }
          }
        }
        case 3 -> {
          if (!partitioned) {
            TreeSet<NodeId> side = new TreeSet<>();
            for (NodeId n : all) {
              if (rng.nextBoolean()) {
                side.add(n);
              }
            }
            partitioned = true;
            out.add(new Fault.PartitionNetwork(t, new Partition(List.of(side))));
          }
        }
        case 4 -> {
          if (partitioned) {
            partitioned = false;
            out.add(new Fault.Heal(t));
          }
        }
        default -> {
          NodeId other = all.get(rng.nextInt(all.size()));
          long until = Math.min(calmFrom, t + rng.nextLong(100_000_000L, 2_000_000_000L));
          if (until > t) {
            out.add(new Fault.DegradeLinks(t, Set.of(node), Set.of(other), rng.nextDouble(0.5),
                rng.nextLong(0, 50_000_000L), until));
          }
        }
      }
    }
    if (partitioned) {
      out.add(new Fault.Heal(calmFrom));
    }
    for (NodeId n : crashed) {
      out.add(new Fault.Restart(calmFrom, n));
    }
    return new FaultSchedule(out, Set.of());
  }

  private static SubnetSpec subnetOf(Topology topology, NodeId node) {
    return topology.subnet(topology.subnetOf(node));
  }

  private static int faultyIn(Topology topology, NodeId node, Set<NodeId> crashed,
      TreeMap<NodeId, Long> paused) {
    int count = 0;
    for (NodeId m : topology.members(topology.subnetOf(node))) {
      if (crashed.contains(m) || paused.containsKey(m)) {
        count++;
      }
    }
    return count;
  }
}
