package dev.subnetsim.scenarios.fuzz;

import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.PassCriterion;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Shrinks a failing fuzzed scenario: shortens the run to just past the failure, then removes
 * faults (a crash with its restart, a partition with its heal, a skew with its reset, a subnet
 * loss with the reshare that replaces it) and chain-key request streams, in halves and then one
 * at a time (ddmin style), keeping each removal only if the run still fails the same way. Every
 * candidate goes through the scenario file format first, so what comes out is a file that
 * parses and reproduces. Runs are bounded by {@code maxRuns}.
 */
public final class Shrinker {
  private static final long S = 1_000_000_000L;

  /**
   * The smallest scenario found, the run that showed it failing, and how many runs shrinking
   * took.
   */
  public record Shrunk(ScenarioSpec scenario, FuzzCase run, int runs, int faultsBefore) {}

  private final int threads;
  private final int maxRuns;
  private final Finding target;
  private final ScenarioSpec original;
  private int runs;

  private Shrinker(ScenarioSpec original, Finding target, int threads, int maxRuns) {
    this.original = original;
    this.target = target;
    this.threads = threads;
    this.maxRuns = maxRuns;
  }

  /** Shrinks {@code failing}, whose run failed with {@code failing.finding()}. */
  public static Shrunk shrink(FuzzCase failing, int threads, int maxRuns) {
    Finding finding = failing.finding().orElseThrow(
        () -> new IllegalArgumentException("seed " + failing.seed() + " did not fail"));
    return new Shrinker(failing.scenario(), finding, threads, maxRuns).run(failing);
  }

  private Shrunk run(FuzzCase failing) {
    FuzzCase best = failing;
    long duration = original.durationNanos();
    // A fork or violation stops the run where it happened: a run a second longer still shows it.
    if (target.kind() == Finding.Kind.FORK || target.kind() == Finding.Kind.VIOLATION) {
      long shorter = (long) Math.ceil(failing.run().orElseThrow().result().simSeconds()) * S + S;
      if (shorter < duration) {
        FuzzCase tried = trial(candidate(units(original), allRequests(), shorter));
        if (tried != null) {
          best = tried;
          duration = shorter;
        }
      }
    }
    List<List<Integer>> faults = units(best.scenario());
    ScenarioSpec current = best.scenario();
    List<Integer> requests = allRequests();
    // Fault units of the (possibly shortened) scenario, indexed into its own fault list.
    List<List<Integer>> kept = new ArrayList<>(faults);
    for (int chunk = Math.max(1, kept.size() / 2); chunk >= 1 && runs < maxRuns; chunk /= 2) {
      for (int start = kept.size() - chunk; start >= 0 && runs < maxRuns; start -= chunk) {
        List<List<Integer>> without = new ArrayList<>(kept);
        without.subList(start, Math.min(kept.size(), start + chunk)).clear();
        FuzzCase tried = trial(candidateOf(current, without, requests, duration));
        if (tried != null) {
          kept = without;
          best = tried;
        }
      }
    }
    for (int i = requests.size() - 1; i >= 0 && runs < maxRuns; i--) {
      List<Integer> fewer = new ArrayList<>(requests);
      fewer.remove(i);
      FuzzCase tried = trial(candidateOf(current, kept, fewer, duration));
      if (tried != null) {
        requests = fewer;
        best = tried;
      }
    }
    return new Shrunk(reproducible(best), best, runs, original.faults().size());
  }

  /** A copy of the original with only some request streams, for the first (shortening) step. */
  private ScenarioSpec candidate(List<List<Integer>> units, List<Integer> requests, long d) {
    return candidateOf(original, units, requests, d);
  }

  /** {@code from} with only the fault units, request streams and duration given. */
  static ScenarioSpec candidateOf(ScenarioSpec from, List<List<Integer>> units,
      List<Integer> requests, long duration) {
    TreeSet<Integer> keep = new TreeSet<>();
    units.forEach(keep::addAll);
    List<FaultSpec> faults = new ArrayList<>();
    for (int i : keep) {
      FaultSpec f = from.faults().get(i);
      if (f.atNanos() <= duration) {
        faults.add(f);
      }
    }
    WorkloadSpec w = from.workload();
    List<WorkloadSpec.RequestStream> streams = new ArrayList<>();
    requests.forEach(i -> streams.add(w.requests().get(i)));
    WorkloadSpec workload = new WorkloadSpec(w.ingressPerSecond(), w.ingressSubnet(),
        w.canisters(), streams, w.presignatureStash(), w.canisterStoriesPerSecond(),
        w.presignaturePrefill(), w.presignaturesInFlight(), w.requestQueueLimit(),
        w.wasmCanisters());
    return new ScenarioSpec(from.name(), from.description(), from.seed(), duration,
        from.faultBudget(), from.subnets(), from.consensus(), from.cpu(), from.network(), workload, faults,
        from.invariants(), from.pass());
  }

  private List<Integer> allRequests() {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < original.workload().requests().size(); i++) {
      all.add(i);
    }
    return all;
  }

  /** Runs a candidate (through the file format); the run if it fails the same way, else null. */
  private FuzzCase trial(ScenarioSpec candidate) {
    runs++;
    try {
      ScenarioSpec parsed = ScenarioParser.parse("shrink candidate",
          ScenarioYaml.write(candidate));
      FuzzCase run = FuzzCase.runScenario(parsed, threads, null, "");
      return run.finding().filter(target::sameAs).isPresent() ? run : null;
    } catch (RuntimeException invalid) {
      return null; // e.g. a restart left without its crash no longer validates: not smaller
    }
  }

  /**
   * Removal units over a scenario's faults: each fault with the one that undoes it (crash and the
   * next restart of the same nodes, partition and the next heal, a skew and the next reset of the
   * same nodes, a subnet loss and the next reshare), every other fault alone.
   */
  static List<List<Integer>> units(ScenarioSpec s) {
    List<FaultSpec> faults = s.faults();
    TreeSet<Integer> closers = new TreeSet<>();
    List<List<Integer>> units = new ArrayList<>();
    for (int i = 0; i < faults.size(); i++) {
      if (closers.contains(i)) {
        continue;
      }
      List<Integer> unit = new ArrayList<>(List.of(i));
      FaultSpec f = faults.get(i);
      for (int j = i + 1; j < faults.size(); j++) {
        FaultSpec g = faults.get(j);
        if (!closers.contains(j) && closes(f, g)) {
          unit.add(j);
          closers.add(j);
          break;
        }
      }
      units.add(unit);
    }
    return units;
  }

  private static boolean closes(FaultSpec f, FaultSpec g) {
    if (f instanceof FaultSpec.Crash c) {
      return g instanceof FaultSpec.Restart r && r.nodes().equals(c.nodes());
    } else if (f instanceof FaultSpec.Partition) {
      return g instanceof FaultSpec.Heal;
    } else if (f instanceof FaultSpec.ClockSkew k && k.skewNanos() != 0) {
      return g instanceof FaultSpec.ClockSkew r && r.skewNanos() == 0 && r.nodes().equals(k.nodes());
    } else if (f instanceof FaultSpec.SubnetLoss) {
      return g instanceof FaultSpec.Reshare;
    }
    return false;
  }

  /**
   * The shrunk scenario as it is written: a stall, which no invariant reports beyond f, gets the
   * pass criterion it breaks (the stalled subnet finalizing past the height it stopped at), so
   * {@code subnet-sim run} fails on it too.
   */
  private ScenarioSpec reproducible(FuzzCase best) {
    ScenarioSpec s = best.scenario();
    Finding found = best.finding().orElseThrow();
    List<PassCriterion> pass = new ArrayList<>(s.pass());
    if (found.kind() == Finding.Kind.STALL) {
      long height = best.run().orElseThrow().result().finalizedHeight()
          .getOrDefault(found.invariant(), 0L);
      String text = "finalized height >= " + (height + 1) + " on " + found.invariant();
      pass.add(new PassCriterion.MinFinalizedHeight(text, height + 1,
          new SubnetId(found.invariant())));
    }
    String description = "shrunk from " + original.name() + " seed " + original.seed() + " ("
        + found.label() + "): " + s.faults().size() + " of " + original.faults().size()
        + " faults, " + s.durationNanos() / 1e9 + " of " + original.durationNanos() / 1e9 + " s";
    return new ScenarioSpec(original.name() + "-seed" + original.seed() + "-shrunk", description,
        s.seed(), s.durationNanos(), s.faultBudget(), s.subnets(), s.consensus(), s.cpu(), s.network(),
        s.workload(), s.faults(), s.invariants(), pass);
  }
}
