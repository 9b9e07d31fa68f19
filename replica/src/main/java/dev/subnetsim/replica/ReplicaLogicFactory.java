package dev.subnetsim.replica;

import dev.subnetsim.consensus.types.NodeId;

/**
 * Creates a replica's logic at boot and again at every restart (a crash loses all volatile state;
 * whatever survives a crash, such as a CUP on "disk", is the factory's business). The same
 * arguments must give an identically behaving logic (see {@link ReplicaLogic}).
 */
@FunctionalInterface
public interface ReplicaLogicFactory {
  ReplicaLogic create(NodeId node, int incarnation);
}
