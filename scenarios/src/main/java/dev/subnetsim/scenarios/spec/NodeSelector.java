package dev.subnetsim.scenarios.spec;

import java.util.List;

/** Nodes of one subnet by index (0-based, as in the subnet's committee order). */
public record NodeSelector(String subnet, List<Integer> indices) {
  public NodeSelector {
    indices = List.copyOf(indices);
  }

  @Override
  public String toString() {
    return subnet + ":" + indices;
  }
}
