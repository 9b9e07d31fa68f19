package dev.subnetsim.scenarios.engine;

import dev.subnetsim.scenarios.faults.FaultSchedule;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.InvariantResult.Status;
import dev.subnetsim.scenarios.result.Percentiles;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.PassCriterion;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a scenario's pass criteria against what the run recorded. */
final class PassCriteria {
  private PassCriteria() {}

  static List<InvariantResult> evaluate(ScenarioSpec spec, FaultSchedule faults,
      RunRecorder rec) {
    List<InvariantResult> out = new ArrayList<>();
    for (PassCriterion c : spec.pass()) {
      out.add(evaluate(spec, rec, c));
    }
    return out;
  }

  /**
   * A criterion with nothing to judge (no samples, no heal) is violated, saying why, unless the
   * scenario marked it optional; then it is not checked.
   */
  private static InvariantResult evaluate(ScenarioSpec spec, RunRecorder rec, PassCriterion c) {
    if (c instanceof PassCriterion.Optional o) {
      InvariantResult r = judge(spec, rec, o.criterion());
      return new InvariantResult(c.text(), r.status(), r.detail());
    }
    InvariantResult r = judge(spec, rec, c);
    return r.status() == Status.NOT_CHECKED ? new InvariantResult(c.text(), Status.VIOLATED,
        r.detail() + "; nothing to judge, so it cannot pass (write 'optional: " + c.text()
        + "' to accept that)") : r;
  }

  /** The verdict, or not checked when the run gave the criterion nothing to judge. */
  private static InvariantResult judge(ScenarioSpec spec, RunRecorder rec, PassCriterion c) {
    if (c instanceof PassCriterion.MinFinalizedHeight m) {
      long h = rec.finalizedHeight.getOrDefault(m.subnet(), 0L);
      return verdict(c, h >= m.height(), "finalized height " + h + " on " + m.subnet());
    }
    if (c instanceof PassCriterion.Stalls s) {
      List<Long> in = rec.finalizationTimes.getOrDefault(s.subnet(), List.of()).stream()
          .filter(t -> t > s.fromNanos() && t <= s.toNanos()).toList();
      return verdict(c, in.isEmpty(), in.isEmpty() ? "no finalization in the window"
          : in.size() + " heights finalized in the window, first at " + in.get(0) / 1e9 + " s");
    }
    if (c instanceof PassCriterion.ResumesAfterHeal r) {
      List<Long> heals = spec.faults().stream().filter(f -> f instanceof FaultSpec.Heal)
          .map(FaultSpec::atNanos).toList();
      if (heals.isEmpty()) {
        return new InvariantResult(c.text(), Status.NOT_CHECKED, "the scenario has no heal");
      }
      for (long heal : heals) {
        for (var e : rec.finalizationTimes.entrySet()) {
          long first = e.getValue().stream().filter(t -> t > heal).findFirst().orElse(Long.MAX_VALUE);
          if (first - heal > r.withinNanos()) {
            return verdict(c, false, e.getKey() + ": no finalization within "
                + r.withinNanos() / 1e9 + " s of the heal at " + heal / 1e9 + " s");
          }
        }
      }
      return verdict(c, true, "every subnet finalized within the bound after each heal");
    }
    if (c instanceof PassCriterion.LatencyBelow l) {
      List<Long> lat = new ArrayList<>(l.requestKind().equals("ingress")
          ? rec.ingressLatency.values()
          : rec.requestLatency.getOrDefault(l.requestKind(), java.util.Map.of()).values());
      if (lat.isEmpty()) {
        return new InvariantResult(c.text(), Status.NOT_CHECKED, "no " + l.requestKind()
            + " request completed");
      }
      long p = Percentiles.of(lat, l.percentile());
      return verdict(c, p < l.boundNanos(), "p" + l.percentile() + " = " + p / 1e9 + " s over "
          + lat.size() + " messages");
    }
    throw new IllegalArgumentException("unknown criterion " + c);
  }

  private static InvariantResult verdict(PassCriterion c, boolean ok, String detail) {
    return new InvariantResult(c.text(), ok ? Status.HELD : Status.VIOLATED, detail);
  }
}
