package dev.subnetsim.replica;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test logic: records every step; on Start sets timer 1 at now+10; on timer k (k &lt; 3) sets
 * timer k+1 at now+10 and broadcasts a beacon share; answers every message with a certification
 * share to its sender.
 */
final class RecordingLogic implements ReplicaLogic {
  final NodeId self;
  final int incarnation;
  final List<String> log = new ArrayList<>();

  RecordingLogic(NodeId self, int incarnation) {
    this.self = self;
    this.incarnation = incarnation;
  }

  @Override
  public StepOutput step(long now, List<InboundEvent> events) {
    StepOutput.Builder out = StepOutput.builder(self, List.of(new NodeId(0), new NodeId(1), new NodeId(2)));
    for (InboundEvent e : events) {
      log.add(now + ":" + describe(e));
      if (e instanceof InboundEvent.Start) {
        out.timer(now + 10, 1);
      } else if (e instanceof InboundEvent.TimerFired t) {
        out.network().broadcast(MessageKind.BEACON_SHARE, new byte[] {(byte) t.timerId()});
        if (t.timerId() < 3) {
          out.timer(now + 10, t.timerId() + 1);
        }
      } else if (e instanceof InboundEvent.MessageDelivered m) {
        out.network().send(m.envelope().from(), MessageKind.CERTIFICATION_SHARE,
            "e".getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.build();
  }

  private static String describe(InboundEvent e) {
    if (e instanceof InboundEvent.TimerFired t) {
      return "timer" + t.timerId();
    }
    if (e instanceof InboundEvent.MessageDelivered m) {
      return "msg-from-" + m.envelope().from().value();
    }
    return e.getClass().getSimpleName();
  }
}
