package dev.subnetsim.scenarios.engine;

import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.driver.DriverOutcome;
import dev.subnetsim.scenarios.invariants.InvariantChecker;
import dev.subnetsim.scenarios.invariants.NoMasterSecretChecker;
import dev.subnetsim.scenarios.invariants.ReplicaRobustness;
import dev.subnetsim.scenarios.invariants.Violation;
import dev.subnetsim.scenarios.result.InvariantResult;
import dev.subnetsim.scenarios.result.InvariantResult.Status;
import dev.subnetsim.scenarios.world.CanisterStoryChecker;
import dev.subnetsim.scenarios.world.ChainKeyReplyChecker;
import java.util.ArrayList;
import java.util.List;

/**
 * One report line per invariant of a finished run: the world's checkers, the wired chain-key and
 * story checkers, replica robustness, the pass criteria, and what was not simulated.
 */
final class InvariantMapping {
  private InvariantMapping() {}

  static List<InvariantResult> invariants(WorldAssembly.Assembled a, RunWiring.Wired w,
      DriverOutcome run, String reproduce) {
    List<InvariantResult> invariants = new ArrayList<>(w.notChecked());
    for (InvariantChecker checker : a.world().checkers()) {
      List<Violation> v = violations(run, checker.name());
      invariants.add(new InvariantResult(checker.name(), v.isEmpty() ? Status.HELD
          : Status.VIOLATED, v.isEmpty() ? "held for " + run.virtualNanos() / 1e9 + " s"
          : v.get(0).detail() + " (at " + v.get(0).timeNanos() / 1e9 + " s)"));
    }
    if (w.secrets() != null) {
      invariants.add(secrets(w.secrets(), violations(run, NoMasterSecretChecker.NAME)));
    }
    if (w.replies() != null) {
      invariants.add(replies(a, w, violations(run, ChainKeyReplyChecker.NAME)));
    }
    if (w.stories() != null) {
      invariants.add(stories(w.stories(), violations(run, CanisterStoryChecker.NAME)));
    }
    invariants.add(robustness(run, reproduce));
    invariants.addAll(PassCriteria.evaluate(a.spec(), a.world().faults(), w.recorder()));
    for (String missing : w.notMapped()) {
      invariants.add(new InvariantResult(missing, Status.NOT_CHECKED, missing.contains(":")
          ? "see the line's own reason" : "not simulated by this build (twins, divergent "
          + "execution, canister-signature load and scenario-driven example canisters are not "
          + "built yet; see README)"));
    }
    return invariants;
  }

  private static List<Violation> violations(DriverOutcome run,
      String invariant) {
    return run.violations().stream().filter(x -> x.invariant().equals(invariant)).toList();
  }

  private static InvariantResult secrets(NoMasterSecretChecker secrets, List<Violation> v) {
    if (!v.isEmpty()) {
      return new InvariantResult(NoMasterSecretChecker.NAME, Status.VIOLATED, v.get(0).detail());
    }
    List<String> held = new ArrayList<>();
    if (!secrets.checkedSubnets().isEmpty()) {
      List<String> subnets = new ArrayList<>();
      secrets.checkedShares().forEach((subnet, shares) ->
          subnets.add(subnet.name() + ": " + shares + " replicas' shares"));
      held.add("no replica of the subnets that held chain-key shares (" + String.join(", ",
          subnets) + "), no coalition of f of their replicas and no Byzantine "
          + "coalition holds a chain key's secret, and every chain key's threshold is above f");
    }
    var c = secrets.consensusCoverage();
    if (c.sharings() > 0) {
      held.add("no replica, no coalition of f and no Byzantine coalition holds the secret of "
          + "any of " + c.sharings() + " consensus key sharings (random beacon and state "
          + "certification, each with threshold above f; " + c.coalitions()
          + " coalitions tried), DKG epochs " + epochRanges(c.epochs()));
    }
    return new InvariantResult(NoMasterSecretChecker.NAME, Status.HELD, held.isEmpty()
        ? "no key material appeared during the run" : String.join("; ", held));
  }

  /** "app 0-19, root 0-5": each subnet's checked epochs as runs of consecutive numbers. */
  static String epochRanges(java.util.Map<SubnetId, List<Long>> epochs) {
    List<String> out = new ArrayList<>();
    epochs.forEach((subnet, list) -> {
      StringBuilder b = new StringBuilder(subnet.name()).append(' ');
      for (int i = 0; i < list.size(); i++) {
        int j = i;
        while (j + 1 < list.size() && list.get(j + 1) == list.get(j) + 1) {
          j++;
        }
        b.append(i == 0 ? "" : ",").append(list.get(i)).append(j > i ? "-" + list.get(j) : "");
        i = j;
      }
      out.add(b.toString());
    });
    return String.join(", ", out);
  }

  private static InvariantResult replies(WorldAssembly.Assembled a, RunWiring.Wired w,
      List<Violation> v) {
    var reshares = a.reshares();
    return new InvariantResult(ChainKeyReplyChecker.NAME, v.isEmpty() ? Status.HELD
        : Status.VIOLATED, v.isEmpty() ? w.replies().checked() + " of " + w.workload().size()
        + " requests answered by "
        + (reshares.reshares().isEmpty() ? "subnet " + a.keySubnet().name()
            : "the subnets the keys were reshared to ("
                + String.join(", ", reshares.targets())
                + ") under " + a.keySubnet().name() + "'s public keys")
        + " and verified by their clients" : v.get(0).detail());
  }

  private static InvariantResult stories(CanisterStoryChecker stories, List<Violation> v) {
    StringBuilder tally = new StringBuilder();
    stories.tally().forEach((story, n) -> tally.append(tally.length() == 0 ? "" : "; ")
        .append(story).append(": ").append(n[1]).append(" of ").append(n[0])
        .append(" judged calls as expected").append(n[2] > 0 ? ", " + n[2]
            + " not judged (prerequisite not yet complete, or a transient reject)" : ""));
    return new InvariantResult(CanisterStoryChecker.NAME, v.isEmpty() ? Status.HELD
        : Status.VIOLATED, v.isEmpty() ? (tally.length() == 0 ? "no story call completed"
            : tally.toString()) : v.get(0).detail());
  }

  /** Held unless a replica's step threw; the finding names the replica, the sender, the kind. */
  private static InvariantResult robustness(DriverOutcome run,
      String reproduce) {
    List<Violation> v = violations(run, ReplicaRobustness.NAME);
    return v.isEmpty()
        ? new InvariantResult(ReplicaRobustness.NAME, Status.HELD, "no replica step threw in "
            + run.logicSteps() + " steps")
        : new InvariantResult(ReplicaRobustness.NAME, Status.VIOLATED, v.get(0).detail()
            + " (at " + v.get(0).timeNanos() / 1e9 + " s)"
            + (reproduce == null ? "" : "; reproduce: " + reproduce));
  }
}
