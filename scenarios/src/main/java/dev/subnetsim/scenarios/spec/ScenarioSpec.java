package dev.subnetsim.scenarios.spec;

import dev.subnetsim.consensus.types.SubnetId;
import java.util.List;

/**
 * A parsed, validated scenario (the YAML reference is scenarios/README.md). Times are virtual
 * nanoseconds from the start of the run.
 */
public record ScenarioSpec(
    String name,
    String description,
    long seed,
    long durationNanos,
    FaultBudget faultBudget,
    List<SubnetSpec> subnets,
    ConsensusSpec consensus,
    CpuSpec cpu,
    NetworkSpec network,
    WorkloadSpec workload,
    List<FaultSpec> faults,
    List<InvariantKind> invariants,
    List<PassCriterion> pass) {

  public ScenarioSpec {
    subnets = List.copyOf(subnets);
    faults = List.copyOf(faults);
    invariants = List.copyOf(invariants);
    pass = List.copyOf(pass);
  }

  public SubnetSpec subnet(SubnetId name) {
    return subnets.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  public int totalNodes() {
    return subnets.stream().mapToInt(SubnetSpec::nodes).sum();
  }

  /** Whether the schedule may make more than f nodes of a subnet faulty at once. */
  public enum FaultBudget { WITHIN_F, BEYOND_F }

  /**
   * The faults subnet {@code s} tolerates under this scenario's consensus variant: ICC's
   * floor((n - 1) / 3), or fast-icc's f of n = 3f + 2p + 1 (its fast path needs the smaller f).
   */
  public int faultBound(SubnetSpec s) {
    return consensus.consensusProtocol().faultBound(s.nodes());
  }
}
