package dev.subnetsim.scenarios.dsl;

import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.spec.ConsensusSpec;
import dev.subnetsim.scenarios.spec.FaultSpec;
import dev.subnetsim.scenarios.spec.NodeSelector;
import dev.subnetsim.scenarios.spec.PassCriterion;
import dev.subnetsim.scenarios.spec.ScenarioSpec;
import dev.subnetsim.scenarios.spec.SubnetSpec;
import dev.subnetsim.scenarios.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Semantic checks of a parsed scenario: everything it refers to exists, times fall inside the run,
 * and (unless {@code fault_budget: beyond-f}) no subnet ever has more than f faulty nodes at once,
 * since such a schedule is expected to stall and could not pass the liveness checker.
 */
final class ScenarioValidator {
  static final Set<String> KEYS = Set.of("ecdsa", "schnorr", "vetkd", "ecdh", "document");
  static final Set<String> LATENCY_KINDS = Set.of("ingress", "ecdsa", "schnorr", "vetkd", "ecdh",
      "document_key", "canister_signature");

  private final String file;
  private final ScenarioSpec spec;

  private ScenarioValidator(String file, ScenarioSpec spec) {
    this.file = file;
    this.spec = spec;
  }

  static void validate(String file, ScenarioSpec spec) {
    new ScenarioValidator(file, spec).run();
  }

  private ScenarioException error(int line, String field, String problem) {
    return new ScenarioException(file, line, field, problem);
  }

  private void run() {
    if (spec.durationNanos() <= 0) {
      throw error(1, "duration", "must be positive");
    }
    Set<SubnetId> names = new HashSet<>();
    for (int i = 0; i < spec.subnets().size(); i++) {
      if (!names.add(spec.subnets().get(i).name())) {
        throw error(1, "subnets[" + i + "].name",
            "subnet '" + spec.subnets().get(i).name() + "' is defined twice");
      }
    }
    for (WorkloadSpec.RequestStream r : spec.workload().requests()) {
      subnet(r.fromSubnet(), 1, "workload.requests.from");
    }
    for (var w : spec.workload().wasmCanisters()) {
      if (w.subnet() != null) {
        subnet(w.subnet(), w.line(), "workload.wasm_canisters.subnet");
      }
    }
    if (spec.workload().ingressSubnet() != null) {
      subnet(spec.workload().ingressSubnet(), 1, "workload.ingress_subnet");
    }
    SubnetId keyHolder = null;
    for (int i = 0; i < spec.faults().size(); i++) {
      fault(spec.faults().get(i), "faults[" + i + "]");
      if (spec.faults().get(i) instanceof FaultSpec.Reshare r) {
        // The keys exist once, on the subnet that made them at genesis: every reshare starts there.
        if (keyHolder != null && !keyHolder.equals(r.fromSubnet())) {
          throw error(r.line(), "faults[" + i + "].from", "every reshare must come from the "
              + "subnet holding the keys since genesis ('" + keyHolder + "'), got '"
              + r.fromSubnet() + "'");
        }
        keyHolder = r.fromSubnet();
      }
    }
    for (int i = 0; i < spec.pass().size(); i++) {
      criterion(spec.pass().get(i), "pass[" + i + "]");
    }
    if (spec.faultBudget() == ScenarioSpec.FaultBudget.WITHIN_F) {
      checkFaultBudget();
    }
  }

  private SubnetSpec subnet(SubnetId name, int line, String field) {
    SubnetSpec s = spec.subnet(name);
    if (s == null) {
      List<SubnetId> known = spec.subnets().stream().map(SubnetSpec::name).toList();
      throw error(line, field, "no subnet named '" + name + "' (subnets: " + known + ")");
    }
    return s;
  }

  private void nodes(NodeSelector sel, int line, String field) {
    SubnetSpec s = subnet(sel.subnet(), line, field);
    Set<Integer> seen = new HashSet<>();
    for (int i : sel.indices()) {
      if (i >= s.nodes()) {
        throw error(line, field, "node " + i + " does not exist: subnet '" + s.name() + "' has "
            + s.nodes() + " nodes (indices 0-" + (s.nodes() - 1) + ")");
      }
      if (!seen.add(i)) {
        throw error(line, field, "node " + i + " is listed twice");
      }
    }
    if (sel.indices().isEmpty()) {
      throw error(line, field, "selects no nodes");
    }
  }

  /** {@code count: K} crashes nodes 0 to K-1: fewer than the subnet has (none is allowed). */
  private void count(FaultSpec.Crash crash, int line, String fault) {
    SubnetSpec s = subnet(crash.nodes().subnet(), line, fault + ".subnet");
    int count = crash.nodes().indices().size();
    if (count >= s.nodes()) {
      throw error(line, fault + ".count", "would crash " + count + " of the " + s.nodes()
          + " nodes of subnet '" + s.name() + "'; expected 0 to " + (s.nodes() - 1)
          + " (the kind subnet-loss loses a whole subnet)");
    }
  }

  private void fault(FaultSpec fault, String field) {
    int line = fault.line();
    if (fault.atNanos() > spec.durationNanos()) {
      throw error(line, field + ".at", "is after the end of the run (duration "
          + spec.durationNanos() / 1_000_000_000.0 + "s)");
    }
    NodeSelector targets = targets(fault);
    if (fault instanceof FaultSpec.Crash c && c.counted()) {
      count(c, line, field);
    } else if (targets != null) {
      nodes(targets, line, field + ".nodes");
    } else if (fault instanceof FaultSpec.Partition p) {
        if (p.groups().size() < 2) {
          throw error(line, field + ".groups", "a partition needs at least two groups");
        }
        Set<String> seen = new HashSet<>();
        for (NodeSelector g : p.groups()) {
          nodes(g, line, field + ".groups");
          for (int i : g.indices()) {
            if (!seen.add(g.subnet() + ":" + i)) {
              throw error(line, field + ".groups", "node " + g.subnet() + ":" + i
                  + " is in two groups");
            }
          }
        }
    } else if (fault instanceof FaultSpec.LinkFault l) {
        nodes(l.from(), line, field + ".from");
        nodes(l.to(), line, field + ".to");
        if (l.untilNanos() <= l.atNanos()) {
          throw error(line, field + ".until", "must be after 'at'");
        }
        if (l.loss() == 0 && l.extraDelayNanos() == 0) {
          throw error(line, field, "a link fault needs 'loss' or 'delay' above 0 (it would do "
              + "nothing)");
        }
    } else if (fault instanceof FaultSpec.Reshare r) {
        subnet(r.fromSubnet(), line, field + ".from");
        subnet(r.toSubnet(), line, field + ".to");
        if (r.fromSubnet().equals(r.toSubnet())) {
          throw error(line, field + ".to", "resharing needs two different subnets");
        }
        for (String k : r.keys()) {
          if (!KEYS.contains(k)) {
            throw error(line, field + ".keys", "unknown key '" + k + "', expected one of "
                + new TreeSet<>(KEYS));
          }
        }
    } else if (fault instanceof FaultSpec.SubnetLoss s) {
      subnet(s.subnet(), line, field + ".subnet");
    }
  }

  /** The nodes a node-level fault applies to, or null for other faults. */
  static NodeSelector targets(FaultSpec fault) {
    if (fault instanceof FaultSpec.Crash c) {
      return c.nodes();
    } else if (fault instanceof FaultSpec.Restart r) {
      return r.nodes();
    } else if (fault instanceof FaultSpec.Pause p) {
      return p.nodes();
    } else if (fault instanceof FaultSpec.ClockSkew c) {
      return c.nodes();
    } else if (fault instanceof FaultSpec.Byzantine b) {
      return b.nodes();
    }
    return null;
  }

  private void criterion(PassCriterion c, String field) {
    if (c instanceof PassCriterion.Optional o) {
      criterion(o.criterion(), field);
    } else if (c instanceof PassCriterion.LatencyBelow l) {
        if (!LATENCY_KINDS.contains(l.requestKind())) {
          throw error(1, field, "unknown request kind '" + l.requestKind() + "', expected one of "
              + new TreeSet<>(LATENCY_KINDS));
        }
        if (l.percentile() < 1 || l.percentile() > 99) {
          throw error(1, field, "percentile must be p1..p99");
        }
    } else if (c instanceof PassCriterion.MinFinalizedHeight m) {
      subnet(m.subnet(), 1, field);
    } else if (c instanceof PassCriterion.Stalls st) {
      subnet(st.subnet(), 1, field);
    }
  }

  /** Replays the schedule in time order, counting crashed, paused and Byzantine nodes per subnet. */
  private void checkFaultBudget() {
    Map<SubnetId, Set<Integer>> crashed = new TreeMap<>();
    Map<SubnetId, Set<Integer>> byzantine = new TreeMap<>();
    Map<SubnetId, TreeMap<Long, Set<Integer>>> pausedUntil = new TreeMap<>();
    List<FaultSpec> ordered = new ArrayList<>(spec.faults());
    ordered.sort(Comparator.comparingLong(FaultSpec::atNanos));
    for (int k = 0; k < ordered.size(); k++) {
      FaultSpec fault = ordered.get(k);
      if (fault instanceof FaultSpec.Crash c) {
        crashed.computeIfAbsent(c.nodes().subnet(), s -> new TreeSet<>()).addAll(c.nodes().indices());
      } else if (fault instanceof FaultSpec.Restart r) {
        crashed.getOrDefault(r.nodes().subnet(), new TreeSet<>()).removeAll(r.nodes().indices());
      } else if (fault instanceof FaultSpec.Byzantine b) {
        byzantine.computeIfAbsent(b.nodes().subnet(), s -> new TreeSet<>())
            .addAll(b.nodes().indices());
      } else if (fault instanceof FaultSpec.Pause p) {
        pausedUntil.computeIfAbsent(p.nodes().subnet(), s -> new TreeMap<>())
            .computeIfAbsent(p.atNanos() + p.forNanos(), t -> new TreeSet<>())
            .addAll(p.nodes().indices());
      } else {
        continue; // partitions and link faults are network faults; whole-subnet loss is separate
      }
      for (SubnetSpec s : spec.subnets()) {
        Set<Integer> faulty = new TreeSet<>(crashed.getOrDefault(s.name(), Set.of()));
        faulty.addAll(byzantine.getOrDefault(s.name(), Set.of()));
        pausedUntil.getOrDefault(s.name(), new TreeMap<>()).tailMap(fault.atNanos(), false)
            .values().forEach(faulty::addAll);
        int f = spec.faultBound(s);
        if (faulty.size() > f) {
          throw error(fault.line(), "faults", "at " + fault.atNanos() / 1e9 + "s subnet '"
              + s.name() + "' would have " + faulty.size() + " faulty nodes " + faulty
              + ", more than f = " + f + " for n = " + s.nodes()
              + (spec.consensus().protocol() == ConsensusSpec.Protocol.ICC ? ""
                  : " under " + spec.consensus().consensusProtocol())
              + "; set 'fault_budget: beyond-f' to run a schedule beyond the threshold");
        }
      }
    }
  }
}
