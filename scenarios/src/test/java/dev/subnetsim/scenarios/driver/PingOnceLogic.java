package dev.subnetsim.scenarios.driver;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.StepOutput;
import java.util.List;

/**
 * Node 0 sends one beacon share {1,2,3} to node 1 at start, charging {@code cpuNanos} of virtual
 * CPU;
 * every receiver reports Metric("got-" + first payload byte, local now).
 */
final class PingOnceLogic implements ReplicaLogic {
  private final NodeId self;
  private final long cpuNanos;

  PingOnceLogic(NodeId self, long cpuNanos) {
    this.self = self;
    this.cpuNanos = cpuNanos;
  }

  @Override
  public StepOutput step(long now, List<InboundEvent> events) {
    StepOutput.Builder out = StepOutput.builder(self, List.of());
    for (InboundEvent e : events) {
      if (e instanceof InboundEvent.Start && self.value() == 0) {
        out.chargeCpu(cpuNanos);
        out.network().send(new NodeId(1), MessageKind.BEACON_SHARE, new byte[] {1, 2, 3});
      } else if (e instanceof InboundEvent.MessageDelivered m) {
        out.observe(new Observation.Metric("got-" + m.envelope().payload()[0], now));
      }
    }
    return out.build();
  }
}
