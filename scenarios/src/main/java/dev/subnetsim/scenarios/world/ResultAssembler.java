package dev.subnetsim.scenarios.world;

import dev.subnetsim.scenarios.driver.RunResult;
import dev.subnetsim.scenarios.invariants.InvariantChecker;
import dev.subnetsim.scenarios.invariants.Violation;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.RunResult.MessageVolume;
import dev.subnetsim.scenarios.spec.InvariantKind;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a finished driver run into the report model ({@link dev.subnetsim.scenarios.result}):
 * one invariant verdict per checker (violated with its first violation, else held), the parts of
 * the scenario that could not be checked, finalized heights, message volume by type, the charts'
 * series and the fault timeline. Pass criteria and request latencies are the caller's to add.
 */
public final class ResultAssembler {
  private ResultAssembler() {}

  public static dev.subnetsim.scenarios.result.RunResult assemble(ScenarioSpec spec,
      SpecWorld.World world, RunResult run, RunRecorder recorder, double wallSeconds,
      Map<String, String> derivedOptions, String reproduceCommand) {
    List<InvariantResult> invariants = new ArrayList<>();
    for (InvariantChecker c : world.checkers()) {
      Violation first = run.violations().stream()
          .filter(v -> v.invariant().equals(c.name())).findFirst().orElse(null);
      invariants.add(first == null
          ? new InvariantResult(c.name(), InvariantResult.Status.HELD, "")
          : new InvariantResult(c.name(), InvariantResult.Status.VIOLATED,
              "at " + first.timeNanos() / 1e9 + " s: " + first.detail()));
    }
    for (InvariantKind kind : world.uncheckedInvariants()) {
      String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
      invariants.add(new InvariantResult(name, InvariantResult.Status.NOT_CHECKED,
          "no checker for " + name + " yet"));
    }
    TreeMap<String, Long> heights = new TreeMap<>();
    run.maxFinalizedHeight().forEach((subnet, h) -> heights.put(subnet.name(), h));
    TreeMap<String, MessageVolume> volume = new TreeMap<>();
    run.deliveredByKind().forEach((kind, v) -> volume.put(kind, new MessageVolume(v[0], v[1])));
    TreeMap<String, String> config = new TreeMap<>(derivedOptions);
    config.put("seed", Long.toString(run.seed()));
    config.put("lookahead_ns", Long.toString(world.network().build(run.seed()).lookaheadNanos()));
    config.put("stop_reason", run.stopReason().name());
    for (int i = 0; i < world.unsupportedFaults().size(); i++) {
      config.put("not_simulated_" + (i + 1), world.unsupportedFaults().get(i));
    }
    return new dev.subnetsim.scenarios.result.RunResult(spec.name(), run.seed(), run.traceHash(),
        run.virtualNanos() / 1e9, wallSeconds, world.topology().allNodes().size(),
        world.topology().subnets().size(), invariants, heights, recorder.series(), Map.of(),
        volume, recorder.timeline(), config, reproduceCommand);
  }
}
