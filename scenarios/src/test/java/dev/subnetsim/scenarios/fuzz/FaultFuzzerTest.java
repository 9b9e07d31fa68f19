package dev.subnetsim.scenarios.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.spec.ByzantineBehaviour;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.NodeSelector;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.SubnetSpec;
import dev.subnetsim.scenarios.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FaultFuzzerTest {
  private static final long S = 1_000_000_000L;
  /** Root, a signing subnet, a spare one to reshare to after losing it, and the load's app. */
  private static final ScenarioSpec WORLD = ScenarioParser.parse("world", """
      name: world
      duration: 20s
      subnets:
        - {name: root, role: root, nodes: 7}
        - {name: signing, role: signing, nodes: 7}
        - {name: spare, role: signing, nodes: 4}
        - {name: app, role: app, nodes: 4}
      workload:
        requests:
          - {kind: sign-with-ecdsa, rate: 1/s, from: app}
      faults:
        - {at: 2s, kind: reshare, from: root, to: signing, keys: [ecdsa]}
      """);

  private static ScenarioSpec within(long seed) {
    return FaultFuzzer.fuzz(WORLD, seed, FaultFuzzer.Budget.WITHIN_F);
  }

  @Test
  void theScenarioIsAFunctionOfTheSeed() {
    assertThat(within(3)).isEqualTo(within(3)).isNotEqualTo(within(4));
    assertThat(FaultFuzzer.fuzz(WORLD, 3, FaultFuzzer.Budget.BEYOND_F))
        .isEqualTo(FaultFuzzer.fuzz(WORLD, 3, FaultFuzzer.Budget.BEYOND_F));
  }

  @Test
  void withinFNoSubnetEverHasMoreThanFNodesFaultyOrCutOffAndTheLastFifthIsHealthy() {
    for (long seed = 0; seed < 100; seed++) {
      ScenarioSpec s = within(seed);
      // The scenario validator's own within-f check accepts it as a file...
      ScenarioParser.parse("seed " + seed, ScenarioYaml.write(s));
      // ...and counting skewed and partitioned-away nodes as faulty too, no subnet exceeds f.
      TreeSet<Long> times = new TreeSet<>();
      s.faults().forEach(f -> times.add(f.atNanos()));
      times.add(s.durationNanos() / 10 * 8);
      for (long t : times) {
        Map<SubnetId, Set<Integer>> faulty = faultyAt(s, t);
        for (SubnetSpec sub : s.subnets()) {
          if (!Finding.lostSubnets(s).contains(sub.name())) {
            assertThat(faulty.getOrDefault(sub.name(), Set.of())).as("seed %d at %d s in %s",
                seed, t / S, sub.name()).hasSizeLessThanOrEqualTo(sub.f());
          }
        }
      }
      long calm = s.durationNanos() / 10 * 8;
      for (Map.Entry<SubnetId, Set<Integer>> e : faultyAt(s, calm).entrySet()) {
        assertThat(e.getValue()).as("seed %d: only Byzantine nodes are faulty in the last "
            + "fifth of %s", seed, e.getKey())
            .isEqualTo(byzantine(s).getOrDefault(e.getKey(), Set.of()));
      }
      for (FaultSpec f : s.faults()) {
        if (f.atNanos() >= calm) {
          assertThat(f).as("seed %d", seed).matches(g -> g instanceof FaultSpec.Restart
              || g instanceof FaultSpec.Heal
              || g instanceof FaultSpec.ClockSkew k && k.skewNanos() == 0);
        }
      }
    }
  }

  @Test
  void overTwoHundredSeedsEveryFaultKindBehaviourRequestKindAndSkewDirectionIsDrawn() {
    Set<Class<?>> kinds = new java.util.HashSet<>();
    Set<ByzantineBehaviour> behaviours = EnumSet.noneOf(ByzantineBehaviour.class);
    Set<Integer> skewSigns = new TreeSet<>();
    for (long seed = 0; seed < 200; seed++) {
      ScenarioSpec s = within(seed);
      for (FaultSpec f : s.faults()) {
        kinds.add(f.getClass());
        if (f instanceof FaultSpec.Byzantine b) {
          behaviours.add(b.behaviour());
        } else if (f instanceof FaultSpec.ClockSkew k) {
          skewSigns.add(Long.signum(k.skewNanos()));
        }
      }
      assertThat(s.workload().requests()).extracting(WorkloadSpec.RequestStream::kind)
          .as("seed %d", seed).containsAll(List.of(WorkloadSpec.RequestKind.values()));
    }
    assertThat(kinds).containsExactlyInAnyOrder(FaultSpec.class.getPermittedSubclasses());
    assertThat(behaviours).containsExactlyInAnyOrder(ByzantineBehaviour.values());
    assertThat(skewSigns).contains(-1, 1);
  }

  @Test
  void beyondFDrawsCoalitionsOfMoreThanFWithTheHonestHalvesCutApartAndCrashesOfMoreThanF() {
    ScenarioSpec four = ScenarioParser.parse("four", """
        name: four
        duration: 10s
        subnets:
          - {name: root, role: root, nodes: 4}
        """);
    int coalitions = 0;
    int outages = 0;
    for (long seed = 0; seed < 50; seed++) {
      ScenarioSpec s = FaultFuzzer.fuzz(four, seed, FaultFuzzer.Budget.BEYOND_F);
      assertThat(s.faultBudget()).isEqualTo(ScenarioSpec.FaultBudget.BEYOND_F);
      Set<Integer> byzantine = byzantine(s).getOrDefault(new SubnetId("root"), Set.of());
      Set<ByzantineBehaviour> drawn = EnumSet.noneOf(ByzantineBehaviour.class);
      s.faults().stream().filter(f -> f instanceof FaultSpec.Byzantine)
          .forEach(f -> drawn.add(((FaultSpec.Byzantine) f).behaviour()));
      List<FaultSpec.LinkFault> cuts = s.faults().stream()
          .filter(f -> f instanceof FaultSpec.LinkFault l && l.loss() == 1.0)
          .map(f -> (FaultSpec.LinkFault) f).toList();
      if (byzantine.size() > 1 && drawn.contains(ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER)
          && drawn.contains(ByzantineBehaviour.DOUBLE_SIGNING_NOTARY)) {
        coalitions++;
        for (FaultSpec.LinkFault cut : cuts) {
          assertThat(cut.from().indices()).as("seed %d: only honest links are cut", seed)
              .doesNotContainAnyElementsOf(byzantine).doesNotContainAnyElementsOf(
                  cut.to().indices());
          assertThat(cut.to().indices()).doesNotContainAnyElementsOf(byzantine);
        }
      }
      boolean outage = s.faults().stream().anyMatch(f -> f instanceof FaultSpec.Crash c
          && c.nodes().indices().size() > 1 || f instanceof FaultSpec.Pause p
          && p.nodes().indices().size() > 1);
      outages += outage ? 1 : 0;
    }
    assertThat(coalitions).isGreaterThan(10);
    assertThat(outages).isGreaterThan(5);
  }

  private static Map<SubnetId, Set<Integer>> byzantine(ScenarioSpec s) {
    Map<SubnetId, Set<Integer>> out = new TreeMap<>();
    s.faults().stream().filter(f -> f instanceof FaultSpec.Byzantine).forEach(f -> out
        .computeIfAbsent(((FaultSpec.Byzantine) f).nodes().subnet(), k -> new TreeSet<>())
        .addAll(((FaultSpec.Byzantine) f).nodes().indices()));
    return out;
  }

  /**
   * Per subnet, the nodes faulty at {@code t}: Byzantine, crashed, paused, clock skewed, or in a
   * partition group smaller than their subnet's largest one.
   */
  private static Map<SubnetId, Set<Integer>> faultyAt(ScenarioSpec s, long t) {
    Map<SubnetId, Set<Integer>> out = byzantine(s);
    Map<SubnetId, Set<Integer>> crashed = new TreeMap<>();
    Map<SubnetId, Map<Integer, Long>> skew = new TreeMap<>();
    List<NodeSelector> partition = null;
    for (FaultSpec f : s.faults()) {
      if (f.atNanos() > t) {
        break;
      }
      if (f instanceof FaultSpec.Crash c) {
        crashed.computeIfAbsent(c.nodes().subnet(), k -> new TreeSet<>())
            .addAll(c.nodes().indices());
      } else if (f instanceof FaultSpec.Restart r) {
        crashed.getOrDefault(r.nodes().subnet(), new TreeSet<>()).removeAll(r.nodes().indices());
      } else if (f instanceof FaultSpec.Pause p && f.atNanos() + p.forNanos() > t) {
        add(out, p.nodes());
      } else if (f instanceof FaultSpec.ClockSkew k) {
        k.nodes().indices().forEach(i -> skew.computeIfAbsent(k.nodes().subnet(),
            x -> new TreeMap<>()).put(i, k.skewNanos()));
      } else if (f instanceof FaultSpec.Partition p) {
        partition = p.groups();
      } else if (f instanceof FaultSpec.Heal) {
        partition = null;
      }
    }
    crashed.forEach((subnet, nodes) -> out.computeIfAbsent(subnet, k -> new TreeSet<>())
        .addAll(nodes));
    skew.forEach((subnet, nodes) -> nodes.forEach((i, v) -> {
      if (v != 0) {
        out.computeIfAbsent(subnet, k -> new TreeSet<>()).add(i);
      }
    }));
    if (partition != null) {
      Map<SubnetId, Integer> largest = new TreeMap<>();
      partition.forEach(g -> largest.merge(g.subnet(), g.indices().size(), Math::max));
      List<NodeSelector> groups = new ArrayList<>(partition);
      for (NodeSelector g : groups) {
        if (g.indices().size() < largest.get(g.subnet())) {
          add(out, g);
        }
      }
    }
    return out;
  }

  private static void add(Map<SubnetId, Set<Integer>> out, NodeSelector nodes) {
    out.computeIfAbsent(nodes.subnet(), k -> new TreeSet<>()).addAll(nodes.indices());
  }
}
