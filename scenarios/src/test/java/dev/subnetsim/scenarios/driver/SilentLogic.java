package dev.subnetsim.scenarios.driver;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.StepOutput;
import java.util.List;

/** Never sends or sets timers; reports its local clock once at start as Metric("local-now"). */
final class SilentLogic implements ReplicaLogic {
  private final NodeId self;

  SilentLogic(NodeId self) {
    this.self = self;
  }

  @Override
  public StepOutput step(long now, List<InboundEvent> events) {
    StepOutput.Builder out = StepOutput.builder(self, List.of());
    for (InboundEvent e : events) {
      if (e instanceof InboundEvent.Start) {
        out.observe(new Observation.Metric("local-now", now));
      }
    }
    return out.build();
  }
}
