package dev.subnetsim.scenarios.topology;

import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.scenarios.spec.SubnetRole;
import java.util.List;
import java.util.Objects;

/**
 * One subnet of a built topology: its id, role, size and the regions its nodes are spread over
 * (round-robin in node order). Unlike the scenario file's {@link
 * dev.subnetsim.scenarios.spec.SubnetSpec} it is resolved: a {@link SubnetId}, at least one node
 * and at least one region ({@code default} when the file names none).
 */
public record SubnetSpec(SubnetId id, SubnetRole role, int nodes, List<String> regions) {
  public SubnetSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    if (nodes < 1) {
      throw new IllegalArgumentException("subnet " + id + " needs at least one node: " + nodes);
    }
    regions = List.copyOf(regions);
    if (regions.isEmpty()) {
      throw new IllegalArgumentException("subnet " + id + " needs at least one region");
    }
  }

  /** f, the number of faulty nodes tolerated: the largest f with n >= 3f + 1. */
  public int faultTolerance() {
    return (nodes - 1) / 3;
  }
}
