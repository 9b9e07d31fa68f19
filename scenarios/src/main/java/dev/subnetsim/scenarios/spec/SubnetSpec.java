package dev.subnetsim.scenarios.spec;

import dev.subnetsim.consensus.types.SubnetId;
import java.util.List;

/** One subnet of the topology; {@code regions} are assigned to its nodes round-robin. */
public record SubnetSpec(SubnetId name, SubnetRole role, int nodes, List<String> regions) {
  public SubnetSpec {
    regions = List.copyOf(regions);
  }

  /** Faults tolerated: the largest f with n >= 3f+1. */
  public int f() {
    return (nodes - 1) / 3;
  }

  public String regionOf(int nodeIndex) {
    return regions.isEmpty() ? "default" : regions.get(nodeIndex % regions.size());
  }
}
