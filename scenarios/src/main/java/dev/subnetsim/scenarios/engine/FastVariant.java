package dev.subnetsim.scenarios.engine;

import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.PassCriterion;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast variant of a catalog scenario for CI: the run and every point of its fault schedule and
 * criteria windows shrink by {@code factor} (protocol delays and latency bounds do not, so the
 * protocol behaves the same, over fewer heights); height targets shrink by the same factor.
 */
public final class FastVariant {
  private FastVariant() {}

  public static ScenarioSpec of(ScenarioSpec s, double factor) {
    List<FaultSpec> faults = new ArrayList<>();
    for (FaultSpec f : s.faults()) {
      faults.add(scale(f, factor));
    }
    List<PassCriterion> pass = new ArrayList<>();
    for (PassCriterion c : s.pass()) {
      if (c instanceof PassCriterion.MinFinalizedHeight m) {
        pass.add(new PassCriterion.MinFinalizedHeight(m.text() + " (x" + factor + ")",
            Math.max(1, (long) (m.height() * factor)), m.subnet()));
      } else if (c instanceof PassCriterion.Stalls st) {
        pass.add(new PassCriterion.Stalls(st.text() + " (x" + factor + ")", st.subnet(),
            t(st.fromNanos(), factor), t(st.toNanos(), factor)));
      } else if (c instanceof PassCriterion.LatencyBelow) {
        // A quarter of the run may complete no request of the kind: judged only if some did.
        pass.add(new PassCriterion.Optional(c));
      } else {
        pass.add(c);
      }
    }
    return new ScenarioSpec(s.name(), s.description() + " (fast variant x" + factor + ")",
        s.seed(), t(s.durationNanos(), factor), s.faultBudget(), s.subnets(), s.consensus(), s.cpu(),
        s.network(), s.workload(), faults, s.invariants(), pass);
  }

  private static long t(long nanos, double factor) {
    return nanos == Long.MAX_VALUE ? nanos : (long) (nanos * factor);
  }

  private static FaultSpec scale(FaultSpec f, double k) {
    long at = t(f.atNanos(), k);
    if (f instanceof FaultSpec.Crash c) {
      return new FaultSpec.Crash(at, c.line(), c.nodes(), c.counted());
    } else if (f instanceof FaultSpec.Restart r) {
      return new FaultSpec.Restart(at, r.line(), r.nodes());
    } else if (f instanceof FaultSpec.Pause p) {
      return new FaultSpec.Pause(at, p.line(), p.nodes(), t(p.forNanos(), k));
    } else if (f instanceof FaultSpec.ClockSkew c) {
      return new FaultSpec.ClockSkew(at, c.line(), c.nodes(), c.skewNanos());
    } else if (f instanceof FaultSpec.Partition p) {
      return new FaultSpec.Partition(at, p.line(), p.groups());
    } else if (f instanceof FaultSpec.Heal h) {
      return new FaultSpec.Heal(at, h.line());
    } else if (f instanceof FaultSpec.LinkFault l) {
      return new FaultSpec.LinkFault(at, l.line(), l.from(), l.to(), l.loss(),
          l.extraDelayNanos(), t(l.untilNanos(), k));
    } else if (f instanceof FaultSpec.Byzantine b) {
      return new FaultSpec.Byzantine(at, b.line(), b.nodes(), b.behaviour());
    } else if (f instanceof FaultSpec.Reshare r) {
      return new FaultSpec.Reshare(at, r.line(), r.fromSubnet(), r.toSubnet(), r.keys());
    } else if (f instanceof FaultSpec.SubnetLoss s) {
      return new FaultSpec.SubnetLoss(at, s.line(), s.subnet());
    }
    throw new IllegalArgumentException("unknown fault " + f);
  }
}
