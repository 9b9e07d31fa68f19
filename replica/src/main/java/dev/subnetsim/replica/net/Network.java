package dev.subnetsim.replica.net;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;

/**
 * How replica logic sends messages: by node id, never by actor reference (docs/ARCHITECTURE.md,
 * "Seams"). In simulated mode the implementation only collects envelopes into the step's
 * output ({@link CollectingNetwork}); the driver then routes them through the link model.
 */
public interface Network {

  /** Sends {@code payload} of type {@code kind} to one node. */
  void send(NodeId to, MessageKind kind, byte[] payload);

  /** Sends {@code payload} to every peer of this replica except itself, in ascending node order. */
  void broadcast(MessageKind kind, byte[] payload);
}
