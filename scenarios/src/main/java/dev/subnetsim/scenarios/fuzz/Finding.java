package dev.subnetsim.scenarios.fuzz;

import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.engine.ScenarioRun;
import dev.subnetsim.scenarios.invariants.HeightAgreementChecker;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.world.SpecWorld;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a fuzzed run found wrong, by kind: a fork (the agreement checker saw two finalized blocks
 * at one height), an exception that ended the run (nothing a schedule does may make the
 * simulation throw), another violated invariant or pass criterion, or a stall (a subnet that was
 * not lost went longer than the liveness bound without finalizing).
 *
 * @param invariant the violated invariant's name, the stalled subnet's for a stall, the
 *     exception's class for an exception
 * @param detail what exactly, for the console, fuzz.json and junit.xml
 */
public record Finding(Kind kind, String invariant, String detail) {

  /** Failure kinds, most severe first. */
  public enum Kind { FORK, EXCEPTION, VIOLATION, STALL }

  /** {@code fork}, {@code stall}, {@code violation:NAME} or {@code exception:CLASS}. */
  public String label() {
    return switch (kind) {
      case FORK -> "fork";
      case STALL -> "stall";
      case VIOLATION -> "violation:" + invariant;
      case EXCEPTION -> "exception:" + invariant;
    };
  }

  /** A run that ended by throwing, with where it was thrown. */
  public static Finding thrown(RuntimeException e) {
    StackTraceElement[] at = e.getStackTrace();
    return new Finding(Kind.EXCEPTION, e.getClass().getSimpleName(), e + (at.length == 0 ? ""
        : " at " + at[0]));
  }

  /** Whether {@code other} is the same failure (kind and invariant or stalled subnet). */
  public boolean sameAs(Finding other) {
    return other != null && kind == other.kind && invariant.equals(other.invariant);
  }

  /** The most severe failure of {@code run} of {@code spec}, if any. */
  public static Optional<Finding> of(ScenarioSpec spec, ScenarioRun run) {
    Optional<InvariantResult> fork = violated(run, HeightAgreementChecker.AGREEMENT);
    if (fork.isPresent()) {
      return Optional.of(new Finding(Kind.FORK, fork.get().name(), fork.get().detail()));
    }
    Optional<InvariantResult> other = run.result().invariants().stream()
        .filter(i -> i.status() == InvariantResult.Status.VIOLATED).findFirst();
    if (other.isPresent()) {
      return Optional.of(new Finding(Kind.VIOLATION, other.get().name(), other.get().detail()));
    }
    long bound = SpecWorld.defaultLivenessBoundNanos(spec);
    Set<SubnetId> lost = lostSubnets(spec);
    for (Map.Entry<String, Long> gap : run.longestGapNanos().entrySet()) {
      if (gap.getValue() > bound && !lost.contains(new SubnetId(gap.getKey()))) {
        return Optional.of(new Finding(Kind.STALL, gap.getKey(), "subnet " + gap.getKey()
            + " finalized nothing for " + gap.getValue() / 1e9 + " s (bound " + bound / 1e9
            + " s); finalized height " + run.result().finalizedHeight().get(gap.getKey())));
      }
    }
    return Optional.empty();
  }

  private static Optional<InvariantResult> violated(ScenarioRun run, String name) {
    return run.result().invariants().stream()
        .filter(i -> i.status() == InvariantResult.Status.VIOLATED && i.name().equals(name))
        .findFirst();
  }

  /** Subnets the schedule loses on purpose: their stall is the fault, not a finding. */
  static Set<SubnetId> lostSubnets(ScenarioSpec spec) {
    Set<SubnetId> lost = new TreeSet<>();
    spec.faults().stream().filter(f -> f instanceof FaultSpec.SubnetLoss)
        .forEach(f -> lost.add(((FaultSpec.SubnetLoss) f).subnet()));
    return lost;
  }
}
