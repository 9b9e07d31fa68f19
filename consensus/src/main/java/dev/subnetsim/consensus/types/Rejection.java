package dev.subnetsim.consensus.types;

import java.util.Objects;

/**
 * An artifact a component refused, attributed to the node at fault (the peer that sent it, or the
 * node that made it): the one rejection type of consensus roles and of every replica component.
 */
public record Rejection(NodeId sender, String reason) {
  public Rejection {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(reason, "reason");
  }
}
