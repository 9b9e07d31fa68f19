package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.wire.PeerMessage;

/**
 * A component's handling of one peer message of a record type it owns, already decoded by the
 * routes ({@link MessageRoutes}): a handler never sees a body that does not decode.
 */
@FunctionalInterface
public interface PeerMessageHandler<M extends PeerMessage> {
  ChangeSet handle(NodeId from, M message, ReplicaView view);
}
