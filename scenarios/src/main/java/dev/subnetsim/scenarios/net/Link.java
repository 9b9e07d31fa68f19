package dev.subnetsim.scenarios.net;

import dev.subnetsim.consensus.types.NodeId;
import java.util.Comparator;
import java.util.Objects;

/** A directed link between two nodes; ordered by (from, to). */
public record Link(NodeId from, NodeId to) implements Comparable<Link> {
  private static final Comparator<Link> ORDER =
      Comparator.comparing(Link::from).thenComparing(Link::to);

  public Link {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public int compareTo(Link o) {
    return ORDER.compare(this, o);
  }
}
