package dev.subnetsim.scenarios.spec;

import dev.subnetsim.consensus.types.SubnetId;
import java.util.List;

/** Nodes of one subnet by index (0-based, as in the subnet's committee order). */
public record NodeSelector(SubnetId subnet, List<Integer> indices) {
  public NodeSelector {
    indices = List.copyOf(indices);
  }

  @Override
  public String toString() {
    return subnet + ":" + indices;
  }
}
