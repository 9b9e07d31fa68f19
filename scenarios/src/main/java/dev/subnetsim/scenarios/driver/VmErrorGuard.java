package dev.subnetsim.scenarios.driver;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.ReplicaLogicFactory;

/**
 * Turns a VM error (out of memory, stack overflow) inside a replica's logic into the runtime
 * failure the actor shell answers with, so the run ends with it as the cause instead of the
 * dispatcher thread dying and the driver waiting for an answer that never comes.
 */
final class VmErrorGuard {
  private VmErrorGuard() {}

  /** A replica hit a VM error; the error is the cause. */
  static final class ReplicaVmError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReplicaVmError(NodeId node, VirtualMachineError cause) {
      super("replica " + node + ": " + cause, cause);
    }
  }

  static ReplicaLogicFactory guard(ReplicaLogicFactory factory) {
    return (node, incarnation) -> {
      ReplicaLogic logic;
      try {
        logic = factory.create(node, incarnation);
      } catch (VirtualMachineError e) {
        throw new ReplicaVmError(node, e);
      }
      return (nowNanos, events) -> {
        try {
          return logic.step(nowNanos, events);
        } catch (VirtualMachineError e) {
          throw new ReplicaVmError(node, e);
        }
      };
    };
  }
}
