package dev.subnetsim.scenarios.driver;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.scenarios.faults.Fault;

/** What the driver's event queue holds. */
sealed interface WorldEvent {

  /** A message reaches {@code envelope.to()}. */
  record Deliver(Envelope envelope) implements WorldEvent {}

  /** A timer of incarnation {@code incarnation} of {@code node} is due. */
  record Timer(NodeId node, int incarnation, long timerId) implements WorldEvent {}

  /** A client's ingress message reaches {@code node}. */
  record Ingress(NodeId node, byte[] message) implements WorldEvent {}

  /** A client makes its message now and it reaches {@code node} (null: the client sends none). */
  record LateIngress(NodeId node, java.util.function.Supplier<byte[]> maker)
      implements WorldEvent {}

  /** First boot of {@code node}. */
  record Boot(NodeId node) implements WorldEvent {}

  /** A fault of the schedule takes effect. */
  record ApplyFault(Fault fault) implements WorldEvent {}
}
