package dev.subnetsim.app.sweep;

import dev.subnetsim.scenarios.dsl.FieldOverride;
import dev.subnetsim.scenarios.dsl.ScenarioException;
import dev.subnetsim.scenarios.dsl.ScenarioParser;
import dev.subnetsim.scenarios.fuzz.ScenarioYaml;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Every run of a sweep, each point read and validated from the base file's text with its
 * overrides before anything runs, so a bad value at the last point fails the sweep at once.
 *
 * @param file the base scenario's name in error messages (its path, or its catalog resource)
 * @param fixed overrides applied at every point before the swept ones (e.g. {@code --duration})
 */
public record SweepPlan(String file, String text, List<FieldOverride> fixed, SweepGrid grid,
    List<Long> seeds) {
  static final int MAX_RUNS = 100_000;

  /** One run: a point, a seed, the scenario it reads to and its folder under the sweep's. */
  public record PlannedRun(SweepPoint point, long seed, ScenarioSpec spec, String folder) {
    /** The scenario as run, with this run's seed, so the folder re-runs alone. */
    public String yaml() {
      ScenarioSpec s = spec;
      return ScenarioYaml.write(new ScenarioSpec(s.name(), s.description(), seed,
          s.durationNanos(), s.faultBudget(), s.subnets(), s.consensus(), s.cpu(), s.network(),
          s.workload(), s.faults(), s.invariants(), s.pass()));
    }
  }

  public SweepPlan {
    fixed = List.copyOf(fixed);
    seeds = List.copyOf(seeds);
    if (seeds.isEmpty()) {
      throw new ScenarioException("--seeds", 0, "", "expected at least one seed");
    }
  }

  /** The runs, points in grid order and seeds within each; throws on the first bad point. */
  public List<PlannedRun> runs() {
    List<SweepPoint> points = grid.points();
    if ((long) points.size() * seeds.size() > MAX_RUNS) {
      throw new ScenarioException("--seeds", 0, "", points.size() + " points x " + seeds.size()
          + " seeds is more than " + MAX_RUNS + " runs");
    }
    TreeMap<String, Integer> folderUses = new TreeMap<>();
    points.forEach(p -> folderUses.merge(p.folderName(), 1, Integer::sum));
    List<PlannedRun> out = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      SweepPoint p = points.get(i);
      ScenarioSpec spec = read(p);
      // Two values that differ only in characters a folder name cannot hold get their index.
      String folder = "runs/" + p.folderName() + (folderUses.get(p.folderName()) > 1 ? "-" + i
          : "");
      for (long seed : seeds) {
        out.add(new PlannedRun(p, seed, spec, folder + "/seed-" + seed));
      }
    }
    return out;
  }

  private ScenarioSpec read(SweepPoint p) {
    List<FieldOverride> all = new ArrayList<>(fixed);
    all.addAll(p.overrides());
    try {
      return ScenarioParser.parse(file, text, all);
    } catch (ScenarioException e) {
      if (e.problem().contains("(set by ")) {
        throw e;
      }
      throw new ScenarioException(e.file(), e.line(), e.field(), e.problem()
          + " (at sweep point " + p.label() + ")");
    }
  }
}
