package dev.subnetsim.scenarios.fuzz;

import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.WasmCanisterSpec;
import dev.subnetsim.scenarios.spec.WorkloadSpec;

/** Scenario specs compared without the file line numbers their faults and Wasm canisters carry. */
final class SpecsForTests {
  private SpecsForTests() {}

  static ScenarioSpec withoutLines(ScenarioSpec s) {
    return new ScenarioSpec(s.name(), s.description(), s.seed(), s.durationNanos(),
        s.faultBudget(), s.subnets(), s.consensus(), s.cpu(), s.network(), withoutLines(s.workload()),
        s.faults().stream().map(SpecsForTests::withoutLine).toList(), s.invariants(), s.pass());
  }

  static WorkloadSpec withoutLines(WorkloadSpec w) {
    return new WorkloadSpec(w.ingressPerSecond(), w.ingressSubnet(), w.canisters(), w.requests(),
        w.presignatureStash(), w.canisterStoriesPerSecond(), w.presignaturePrefill(),
        w.presignaturesInFlight(), w.requestQueueLimit(), w.wasmCanisters().stream()
            .map(c -> new WasmCanisterSpec(c.path(), c.subnet(), c.initArg(), c.method(),
                c.callArg(), c.callsPerSecond(), c.instructionLimit(), 0)).toList());
  }

  static FaultSpec withoutLine(FaultSpec f) {
    long at = f.atNanos();
    if (f instanceof FaultSpec.Crash c) {
      return new FaultSpec.Crash(at, 0, c.nodes(), c.counted());
    } else if (f instanceof FaultSpec.Restart r) {
      return new FaultSpec.Restart(at, 0, r.nodes());
    } else if (f instanceof FaultSpec.Pause p) {
      return new FaultSpec.Pause(at, 0, p.nodes(), p.forNanos());
    } else if (f instanceof FaultSpec.ClockSkew k) {
      return new FaultSpec.ClockSkew(at, 0, k.nodes(), k.skewNanos());
    } else if (f instanceof FaultSpec.Partition p) {
      return new FaultSpec.Partition(at, 0, p.groups());
    } else if (f instanceof FaultSpec.Heal) {
      return new FaultSpec.Heal(at, 0);
    } else if (f instanceof FaultSpec.LinkFault l) {
      return new FaultSpec.LinkFault(at, 0, l.from(), l.to(), l.loss(), l.extraDelayNanos(),
          l.untilNanos());
    } else if (f instanceof FaultSpec.Byzantine b) {
      return new FaultSpec.Byzantine(at, 0, b.nodes(), b.behaviour());
    } else if (f instanceof FaultSpec.Reshare r) {
      return new FaultSpec.Reshare(at, 0, r.fromSubnet(), r.toSubnet(), r.keys());
    }
    return new FaultSpec.SubnetLoss(at, 0, ((FaultSpec.SubnetLoss) f).subnet());
  }
}
