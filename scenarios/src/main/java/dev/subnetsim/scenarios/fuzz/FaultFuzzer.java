package dev.subnetsim.scenarios.fuzz;

import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.RunRandom;
import dev.subnetsim.scenarios.spec.ByzantineBehaviour;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.InvariantKind;
import dev.subnetsim.scenarios.spec.NodeSelector;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.SubnetRole;
import dev.subnetsim.scenarios.spec.SubnetSpec;
import dev.subnetsim.scenarios.spec.WorkloadSpec;
import dev.subnetsim.scenarios.spec.WorkloadSpec.RequestKind;
import dev.subnetsim.scenarios.world.SpecWorld;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Random fault schedules for a scenario's topology, network and workload, from a seed (VOPR /
 * Twins style). It draws every fault of the scenario language: Byzantine nodes (every
 * {@link ByzantineBehaviour}, so a behaviour added later is drawn too), crash and restart, pause,
 * clock skew ahead and behind, link degradation, partitions with a heal, subnet loss, reshares
 * moved into the faulty stretch, and a request stream of every chain-key kind.
 *
 * <p>{@link Budget#WITHIN_F}: per subnet at most f nodes are ever faulty or cut off at once (a
 * Byzantine part of the budget for the whole run, the rest a pool of nodes that crash, pause, skew
 * and get partitioned away), and from 80% of the run everything is healed, restarted and back on
 * time, so a correct protocol must stay safe and live. {@link Budget#BEYOND_F}: per subnet either
 * a Byzantine coalition of more than f (an equivocating maker with double-signing notaries, twins
 * and other behaviours; the network keeps the honest halves apart so the coalition can show each
 * half a different block), or more than f nodes crash or pause together. The first must be caught
 * as a fork, the second as a stall.
 *
 * <p>The same base and seed give the same scenario, so a failing seed is its own reproduction.
 */
public final class FaultFuzzer {
  /** Whether the schedule stays within f faulty nodes per subnet. */
  public enum Budget { WITHIN_F, BEYOND_F }

  /** Every chain key a reshare can move (the scenario language's names). */
  static final List<String> KEYS = List.of("ecdsa", "schnorr", "vetkd", "ecdh", "document");

  private static final long MS = 1_000_000L;

  private final ScenarioSpec base;
  private final RandomGenerator rng;
  private final long d;
  private final List<FaultSpec> faults = new ArrayList<>();
  /** Per subnet (spec order), the nodes the within-f draw may crash, pause, skew or cut off. */
  private final List<List<Integer>> pools = new ArrayList<>();

  private FaultFuzzer(ScenarioSpec base, long seed) {
    this.base = base;
    this.rng = RunRandom.forPurpose(seed, "fuzz/schedule");
    this.d = base.durationNanos();
  }

  /**
   * The base scenario with its faults replaced by a schedule drawn from {@code seed} (its
   * reshares kept, at drawn times), its workload extended by every chain-key request kind it
   * lacks, and its pass criteria dropped (the invariants judge a fuzzed run).
   */
  public static ScenarioSpec fuzz(ScenarioSpec base, long seed, Budget budget) {
    return new FaultFuzzer(base, seed).draw(seed, budget);
  }

  private ScenarioSpec draw(long seed, Budget budget) {
    SubnetId lost = drawReshares();
    for (SubnetSpec s : base.subnets()) {
      if (budget == Budget.WITHIN_F) {
        withinF(s, s.name().equals(lost));
      } else {
        beyondF(s);
      }
    }
    if (budget == Budget.WITHIN_F) {
      partition();
      links();
    }
    faults.sort(Comparator.comparingLong(FaultSpec::atNanos));
    return new ScenarioSpec(base.name() + "-fuzz", (budget == Budget.WITHIN_F ? "within-f"
        : "beyond-f") + " fuzzed schedule, seed " + seed, seed, d,
        budget == Budget.WITHIN_F ? ScenarioSpec.FaultBudget.WITHIN_F
            : ScenarioSpec.FaultBudget.BEYOND_F,
        base.subnets(), base.consensus(), base.cpu(), base.network(), workload(), faults,
        invariants(budget), List.of());
  }

  /**
   * Beyond f without {@code no-master-secret}: a coalition of more than f holds a key's secret
   * by the threshold's very definition, and reporting that at time 0 would end every run before
   * the forks and stalls the coalition is drawn to cause.
   */
  private List<InvariantKind> invariants(Budget budget) {
    return base.invariants().stream().filter(k -> budget == Budget.WITHIN_F
        || k != InvariantKind.NO_MASTER_SECRET).toList();
  }

  // ---- within f ------------------------------------------------------------------------------

  private void withinF(SubnetSpec s, boolean lost) {
    List<Integer> order = shuffled(s.nodes());
    int f = base.faultBound(s);
    int byzantine = rng.nextInt(f + 1);
    ByzantineBehaviour[] behaviours = ByzantineBehaviour.values();
    for (int i = 0; i < byzantine; i++) {
      byzantine(s, List.of(order.get(i)), behaviours[rng.nextInt(behaviours.length)]);
    }
    // A lost subnet's nodes are not restarted or stepped afterwards: no node faults there.
    List<Integer> pool = lost ? List.of() : List.copyOf(order.subList(byzantine, f));
    pools.add(pool);
    long calm = d / 10 * 8;
    for (int node : pool) {
      // Episodes one after another, so a pool node is never counted twice.
      long t = d / 20 + rng.nextLong(d / 5);
      for (int episode = 1 + rng.nextInt(3); episode > 0 && t < calm; episode--) {
        long length = Math.min(calm - t, d / 20 + rng.nextLong(d / 5));
        NodeSelector one = new NodeSelector(s.name(), List.of(node));
        switch (rng.nextInt(3)) {
          case 0 -> {
            faults.add(new FaultSpec.Crash(t, 0, one));
            faults.add(new FaultSpec.Restart(t + length, 0, one));
          }
          case 1 -> faults.add(new FaultSpec.Pause(t, 0, one, length));
          default -> {
            // Ahead or behind by up to 2 s, stepped back to true time before the calm tail.
            long skew = (rng.nextBoolean() ? 1 : -1) * (50 * MS + rng.nextLong(1_950 * MS));
            faults.add(new FaultSpec.ClockSkew(t, 0, one, skew));
            faults.add(new FaultSpec.ClockSkew(t + length, 0, one, 0));
          }
        }
        t += length + rng.nextLong(1, d / 10);
      }
    }
  }

  /**
   * A partition that cuts off some pool nodes (a cut-off node is as good as faulty for liveness,
   * and only pool nodes may be faulty). A group names nodes of one subnet, so each subnet's rest
   * is its own group and the subnets are also cut from each other until the heal.
   */
  private void partition() {
    if (!rng.nextBoolean()) {
      return;
    }
    List<NodeSelector> rest = new ArrayList<>();
    List<NodeSelector> cut = new ArrayList<>();
    for (int k = 0; k < base.subnets().size(); k++) {
      SubnetSpec s = base.subnets().get(k);
      TreeSet<Integer> away = new TreeSet<>();
      for (int node : pools.get(k)) {
        if (rng.nextBoolean()) {
          away.add(node);
        }
      }
      TreeSet<Integer> stay = new TreeSet<>();
      for (int i = 0; i < s.nodes(); i++) {
        if (!away.contains(i)) {
          stay.add(i);
        }
      }
      rest.add(new NodeSelector(s.name(), List.copyOf(stay)));
      if (!away.isEmpty()) {
        cut.add(new NodeSelector(s.name(), List.copyOf(away)));
      }
    }
    if (cut.isEmpty() && rest.size() < 2) {
      return; // one subnet and nobody to cut off: no partition to draw
    }
    long at = d / 10 + rng.nextLong(d / 2);
    long heal = Math.min(d / 10 * 8, at + d / 20 + rng.nextLong(d / 5));
    List<NodeSelector> groups = new ArrayList<>(rest);
    groups.addAll(cut);
    faults.add(new FaultSpec.Partition(at, 0, groups));
    faults.add(new FaultSpec.Heal(heal, 0));
  }

  /** One to three degraded links inside a subnet: extra loss and delay for a while. */
  private void links() {
    for (int k = 1 + rng.nextInt(3); k > 0; k--) {
      SubnetSpec s = base.subnets().get(rng.nextInt(base.subnets().size()));
      if (s.nodes() < 2) {
        continue;
      }
      int from = rng.nextInt(s.nodes());
      int to = (from + 1 + rng.nextInt(s.nodes() - 1)) % s.nodes();
      long at = d / 20 + rng.nextLong(d / 2);
      long until = Math.min(d / 10 * 8, at + d / 20 + rng.nextLong(d / 4));
      double loss = Math.round(rng.nextDouble(0.5) * 1000) / 1000.0;
      faults.add(new FaultSpec.LinkFault(at, 0, new NodeSelector(s.name(), List.of(from)),
          new NodeSelector(s.name(), List.of(to)), loss, rng.nextLong(200) * MS, until));
    }
  }

  // ---- beyond f ------------------------------------------------------------------------------

  private void beyondF(SubnetSpec s) {
    int n = s.nodes();
    int f = base.faultBound(s);
    if (f == 0) {
      return; // fewer than 4 nodes: no threshold to go beyond with anyone left honest
    }
    List<Integer> order = shuffled(n);
    if (rng.nextInt(5) < 3) {
      coalition(s, order.subList(0, Math.min(n - 2, f + 1 + rng.nextInt(f))));
    } else {
      // More than f fail together for good: finalization must stall (and nothing fork).
      List<Integer> down = order.subList(0, f + 1 + rng.nextInt(Math.max(1, n - f - 1)));
      long at = d / 10 + rng.nextLong(d / 5);
      NodeSelector nodes = new NodeSelector(s.name(), sorted(down));
      faults.add(rng.nextBoolean() ? new FaultSpec.Crash(at, 0, nodes)
          : new FaultSpec.Pause(at, 0, nodes, d - at));
    }
  }

  /**
   * More than f Byzantine nodes attacking agreement: the first is an equivocating block maker
   * that also double-signs; the others double-sign, run as twins or misbehave otherwise. The
   * maker and the twins show the lower half of the committee (by index) one view and the upper
   * half another; the network keeps the honest replicas of the two halves from talking for most
   * of the run (an asynchronous network may), so each half can finalize its own block.
   */
  private void coalition(SubnetSpec s, List<Integer> members) {
    byzantine(s, List.of(members.get(0)), ByzantineBehaviour.EQUIVOCATING_BLOCK_MAKER);
    byzantine(s, List.of(members.get(0)), ByzantineBehaviour.DOUBLE_SIGNING_NOTARY);
    ByzantineBehaviour[] all = ByzantineBehaviour.values();
    for (int node : members.subList(1, members.size())) {
      int pick = rng.nextInt(4);
      byzantine(s, List.of(node), pick < 2 ? ByzantineBehaviour.DOUBLE_SIGNING_NOTARY
          : pick == 2 ? ByzantineBehaviour.TWINS : all[rng.nextInt(all.length)]);
    }
    List<Integer> lower = new ArrayList<>();
    List<Integer> upper = new ArrayList<>();
    for (int i = 0; i < s.nodes(); i++) {
      if (!members.contains(i)) {
        (i < s.nodes() / 2 ? lower : upper).add(i);
      }
    }
    if (lower.isEmpty() || upper.isEmpty()) {
      return;
    }
    long until = d / 2 + rng.nextLong(d * 3 / 10);
    NodeSelector a = new NodeSelector(s.name(), lower);
    NodeSelector b = new NodeSelector(s.name(), upper);
    faults.add(new FaultSpec.LinkFault(0, 0, a, b, 1.0, 0, until));
    faults.add(new FaultSpec.LinkFault(0, 0, b, a, 1.0, 0, until));
  }

  // ---- reshares, subnet loss and workload ----------------------------------------------------

  /**
   * The base scenario's reshares at drawn times inside the faulty stretch (in their order); with
   * none, a root and a signing subnet get one of every key. Maybe loses the current reshare
   * target (a subnet nobody sends load from) and reshares to a spare subnet after it. Returns the
   * lost subnet's name, or null.
   */
  private SubnetId drawReshares() {
    List<FaultSpec.Reshare> declared = base.faults().stream()
        .filter(f -> f instanceof FaultSpec.Reshare).map(f -> (FaultSpec.Reshare) f).toList();
    SubnetSpec root = firstWithRole(SubnetRole.ROOT);
    SubnetSpec signing = firstWithRole(SubnetRole.SIGNING);
    List<FaultSpec.Reshare> reshares = declared.isEmpty() && root != null && signing != null
        ? List.of(new FaultSpec.Reshare(0, 0, root.name(), signing.name(), KEYS)) : declared;
    if (reshares.isEmpty()) {
      return null;
    }
    TreeSet<Long> times = new TreeSet<>();
    while (times.size() < reshares.size()) {
      times.add(d / 20 + rng.nextLong(d / 3));
    }
    List<Long> at = List.copyOf(times);
    for (int i = 0; i < reshares.size(); i++) {
      FaultSpec.Reshare r = reshares.get(i);
      faults.add(new FaultSpec.Reshare(at.get(i), 0, r.fromSubnet(), r.toSubnet(), r.keys()));
    }
    FaultSpec.Reshare last = reshares.get(reshares.size() - 1);
    SubnetId source = last.fromSubnet();
    SubnetId target = last.toSubnet();
    SubnetId spare = base.subnets().stream().map(SubnetSpec::name)
        .filter(n -> !n.equals(source) && !n.equals(target) && !busy(n)
            && reshares.stream().noneMatch(r -> r.toSubnet().equals(n)))
        .findFirst().orElse(null);
    if (spare == null || busy(target) || !rng.nextBoolean()) {
      return null;
    }
    long loss = Math.max(at.get(at.size() - 1) + d / 20, d / 3 + rng.nextLong(d / 5));
    faults.add(new FaultSpec.SubnetLoss(loss, 0, target));
    faults.add(new FaultSpec.Reshare(loss + d / 20, 0, source, spare, last.keys()));
    return target;
  }

  /** Whether load comes from or goes into the subnet (losing it would lose the load). */
  private boolean busy(SubnetId subnet) {
    return subnet.equals(SpecWorld.ingressSubnet(base))
        || base.workload().requests().stream().anyMatch(r -> r.fromSubnet().equals(subnet));
  }

  /** The base workload plus a stream of every chain-key request kind it lacks. */
  private WorkloadSpec workload() {
    WorkloadSpec w = base.workload();
    List<WorkloadSpec.RequestStream> requests = new ArrayList<>(w.requests());
    SubnetId from = SpecWorld.ingressSubnet(base);
    double[] rates = {0.2, 0.5, 1.0};
    for (RequestKind kind : RequestKind.values()) {
      if (requests.stream().noneMatch(r -> r.kind() == kind)) {
        double rate = rates[rng.nextInt(rates.length)];
        requests.add(new WorkloadSpec.RequestStream(kind, rate, rate, from));
      }
    }
    return new WorkloadSpec(w.ingressPerSecond(), w.ingressSubnet(), w.canisters(), requests,
        w.presignatureStash(), w.canisterStoriesPerSecond(), w.presignaturePrefill(),
        w.presignaturesInFlight(), w.requestQueueLimit(), w.wasmCanisters());
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void byzantine(SubnetSpec s, List<Integer> nodes, ByzantineBehaviour behaviour) {
    faults.add(new FaultSpec.Byzantine(0, 0, new NodeSelector(s.name(), nodes), behaviour));
  }

  private SubnetSpec firstWithRole(SubnetRole role) {
    return base.subnets().stream().filter(s -> s.role() == role).findFirst().orElse(null);
  }

  private List<Integer> shuffled(int n) {
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

  private static List<Integer> sorted(List<Integer> nodes) {
    return List.copyOf(new TreeSet<>(nodes));
  }
}
