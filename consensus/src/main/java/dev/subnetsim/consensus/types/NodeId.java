package dev.subnetsim.consensus.types;

/**
 * A replica's identity, unique across the whole simulated world (all subnets). Ordered by value so
 * that every canonical order in the simulator (step merges, trace, committees) is well defined.
 */
public record NodeId(int value) implements Comparable<NodeId> {
  public NodeId {
    if (value < 0) {
      throw new IllegalArgumentException("node id must be non-negative: " + value);
    }
  }

  @Override
  public int compareTo(NodeId other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "node-" + value;
  }
}
