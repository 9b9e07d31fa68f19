package dev.subnetsim.replica.node;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.StepOutput;
import dev.subnetsim.replica.TimerRequest;
import dev.subnetsim.replica.net.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Twins Byzantine behaviour (Bano et al., "Twins: BFT Systems Made Robust"): two live copies
 * of one identity, with the same keys, each an honest replica on its own view. The first twin talks
 * to one part of the subnet (and to other subnets), the second to the {@code secondTwinPeers};
 * messages from a peer reach the twin that talks to it, ingress reaches both. Since each twin
 * follows the protocol on a different view, the identity ends up signing conflicting proposals and
 * shares, which the others must survive as one faulty node. Timers are told apart by parity.
 */
public final class TwinsReplicaLogic implements ReplicaLogic {
  private final ReplicaLogic first;
  private final ReplicaLogic second;
  private final Set<NodeId> secondTwinPeers;

  public TwinsReplicaLogic(ReplicaLogic first, ReplicaLogic second, Set<NodeId> secondTwinPeers) {
    this.first = first;
    this.second = second;
    this.secondTwinPeers = new TreeSet<>(secondTwinPeers);
  }

  @Override
  public StepOutput step(long now, List<InboundEvent> events) {
    List<InboundEvent> a = new ArrayList<>();
    List<InboundEvent> b = new ArrayList<>();
    for (InboundEvent e : events) {
      if (e instanceof InboundEvent.MessageDelivered d) {
        (secondTwinPeers.contains(d.envelope().from()) ? b : a).add(e);
      } else if (e instanceof InboundEvent.TimerFired t) {
        (t.timerId() % 2 == 0 ? a : b).add(new InboundEvent.TimerFired(t.timerId() / 2));
      } else {
        a.add(e);
        b.add(e);
      }
    }
    StepOutput outA = a.isEmpty() ? StepOutput.EMPTY : first.step(now, a);
    StepOutput outB = b.isEmpty() ? StepOutput.EMPTY : second.step(now, b);
    List<Envelope> sends = new ArrayList<>();
    outA.sends().stream().filter(s -> !secondTwinPeers.contains(s.to())).forEach(sends::add);
    outB.sends().stream().filter(s -> secondTwinPeers.contains(s.to())).forEach(sends::add);
    List<TimerRequest> timers = new ArrayList<>();
    outA.timers().forEach(t -> timers.add(new TimerRequest(t.atLocalNanos(), t.timerId() * 2)));
    outB.timers().forEach(t -> timers.add(new TimerRequest(t.atLocalNanos(),
        t.timerId() * 2 + 1)));
    List<dev.subnetsim.replica.Observation> observations = new ArrayList<>(outA.observations());
    observations.addAll(outB.observations());
    return new StepOutput(sends, timers, observations,
        Math.addExact(outA.cpuNanos(), outB.cpuNanos()));
  }
}
