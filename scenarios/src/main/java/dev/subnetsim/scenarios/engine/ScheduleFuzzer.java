package dev.subnetsim.scenarios.engine;

import dev.subnetsim.scenarios.RunRandom;
import dev.subnetsim.scenarios.spec.ByzantineBehaviour;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.NodeSelector;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.SubnetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Random fault schedules for a scenario's topology, from a seed (VOPR / Twins style): per subnet,
 * Byzantine behaviours from time 0, crashes with later restarts, and a partition with a heal. Within
 * the budget no subnet ever has more than f faulty or cut-off nodes at once, so every run must stay
 * safe and live; beyond it, f+1 or more nodes fail together, which the checkers must notice as a
 * violation or a stall. The same seed gives the same schedule, so a failing seed reproduces.
 */
public final class ScheduleFuzzer {
  private static final ByzantineBehaviour[] BEHAVIOURS = {
    ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER, ByzantineBehaviour.DOUBLE_SIGNING_NOTARY,
    ByzantineBehaviour.INVALID_BEACON_SHARES, ByzantineBehaviour.INVALID_SIGNATURE_SHARES,
    ByzantineBehaviour.WITHHOLDING, ByzantineBehaviour.INVALID_DECRYPTION_SHARES,
    ByzantineBehaviour.BAD_DEALINGS, ByzantineBehaviour.TWINS,
    ByzantineBehaviour.DIVERGENT_EXECUTION};

  private ScheduleFuzzer() {}

  /**
   * The scenario with its faults replaced by a random schedule drawn from {@code seed} (its
   * reshares kept).
   */
  public static ScenarioSpec fuzz(ScenarioSpec base, long seed, boolean beyondThreshold) {
    RandomGenerator rng = RunRandom.forPurpose(seed, "fuzz/schedule");
    long d = base.durationNanos();
    List<FaultSpec> faults = new ArrayList<>();
    java.util.Map<String, Integer> used = new java.util.TreeMap<>();
    for (SubnetSpec s : base.subnets()) {
      int n = s.nodes();
      int budget = beyondThreshold ? Math.min(n - 1, s.f() + 1 + rng.nextInt(Math.max(1, n / 3)))
          : s.f();
      if (budget == 0) {
        continue;
      }
      List<Integer> order = shuffled(n, rng);
      int byzantine = beyondThreshold ? 0 : rng.nextInt(budget + 1);
      for (int i = 0; i < byzantine; i++) {
        faults.add(new FaultSpec.Byzantine(0, 0, new NodeSelector(s.name(), List.of(order.get(i))),
            BEHAVIOURS[rng.nextInt(BEHAVIOURS.length)]));
      }
      // The rest of the budget crashes together in the middle of the run and comes back at 70%.
      List<Integer> crashing = order.subList(byzantine, budget);
      used.put(s.name(), budget);
      if (!crashing.isEmpty()) {
        long at = d / 10 + rng.nextLong(d / 5);
        faults.add(new FaultSpec.Crash(at, 0, new NodeSelector(s.name(), crashing)));
        if (!beyondThreshold) {
          faults.add(new FaultSpec.Restart(d * 7 / 10, 0, new NodeSelector(s.name(), crashing)));
        }
      }
    }
    if (!beyondThreshold && rng.nextBoolean()) {
      // A partition that cuts off only what is left of each subnet's budget: a cut-off node is as
      // good as faulty for liveness, and the crashed nodes may still be down. A partition group
      // names nodes of one subnet, so each subnet's majority is its own group: the subnets are
      // also cut from each other for its duration (xnet streams wait; per-subnet liveness holds).
      long at = d * 3 / 10 + rng.nextLong(d / 10);
      faults.add(new FaultSpec.Heal(at + d / 10, 0));
      faults.add(0, new FaultSpec.Partition(at, 0, minorityPartition(base, used, rng)));
    }
    // Reshares are the registry's decisions, not faults: the base scenario's stay as they are.
    base.faults().stream().filter(f -> f instanceof FaultSpec.Reshare).forEach(faults::add);
    faults.sort(java.util.Comparator.comparingLong(FaultSpec::atNanos));
    return new ScenarioSpec(base.name() + "-fuzz", "fuzzed schedule, seed " + seed, seed, d,
        beyondThreshold ? ScenarioSpec.FaultBudget.BEYOND_F : ScenarioSpec.FaultBudget.WITHIN_F,
        base.subnets(), base.consensus(), base.network(), base.workload(), faults,
        base.invariants(), List.of());
  }

  private static List<NodeSelector> minorityPartition(ScenarioSpec base,
      java.util.Map<String, Integer> used, RandomGenerator rng) {
    List<NodeSelector> minority = new ArrayList<>();
    List<NodeSelector> majority = new ArrayList<>();
    for (SubnetSpec s : base.subnets()) {
      List<Integer> order = shuffled(s.nodes(), rng);
      int left = s.f() - used.getOrDefault(s.name(), 0);
      int cut = left <= 0 ? 0 : 1 + rng.nextInt(left);
      if (cut > 0) {
        minority.add(new NodeSelector(s.name(), new ArrayList<>(new TreeSet<>(order.subList(0, cut)))));
      }
      majority.add(new NodeSelector(s.name(),
          new ArrayList<>(new TreeSet<>(order.subList(cut, s.nodes())))));
    }
    List<NodeSelector> groups = new ArrayList<>(majority);
    groups.addAll(minority);
    return groups;
  }

  private static List<Integer> shuffled(int n, RandomGenerator rng) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      Integer t = order.get(i);
      order.set(i, order.get(j));
      order.set(j, t);
    }
    return order;
  }
}
