package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.NodeId;

/** A component's handling of one peer message of a kind it owns. */
@FunctionalInterface
public interface PeerMessageHandler {
  ChangeSet handle(NodeId from, byte[] payload, ReplicaView view);
}
