package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.NodeId;
import java.util.Objects;

/**
 * An artifact a component refused, attributed to the node at fault (the peer that sent it, or the
 * node that made it); the one rejection type of every component.
 */
public record Rejection(NodeId sender, String reason) {
  public Rejection {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(reason, "reason");
  }
}
