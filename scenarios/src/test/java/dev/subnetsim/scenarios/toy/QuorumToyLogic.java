package dev.subnetsim.scenarios.toy;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.StepOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A quorum-shaped stand-in for consensus, for world-level fault tests: a replica finalizes height
 * h once n-f replicas (itself included) voted for h, then votes for h+1. Votes are re-broadcast
 * every {@code period} so lost messages are repaired after a heal. A replica that sees a vote for
 * h &gt; height+1 knows h-1 was finalized by a quorum and jumps there (a toy catch-up package).
 * So: progress with up to f crashed, none with f+1, only on the side of a partition holding n-f.
 * Not a real BFT protocol (no leader, no signatures); it only gives faults observable effects.
 */
public final class QuorumToyLogic implements ReplicaLogic {
  private final NodeId self;
  private final SubnetId subnet;
  private final List<NodeId> members;
  private final int quorum;
  private final long periodNanos;
  private final TreeMap<Long, TreeSet<NodeId>> votes = new TreeMap<>();
  private long height;
  private long tick;

  public QuorumToyLogic(NodeId self, SubnetId subnet, List<NodeId> members, long periodNanos) {
    this.self = self;
    this.subnet = subnet;
    this.members = List.copyOf(members);
    int f = (members.size() - 1) / 3;
    this.quorum = members.size() - f;
    this.periodNanos = periodNanos;
  }

  @Override
  public StepOutput step(long now, List<InboundEvent> events) {
    StepOutput.Builder out = StepOutput.builder(self, members);
    for (InboundEvent e : events) {
      if (e instanceof InboundEvent.Start) {
        vote(out);
        out.timer(now + periodNanos, ++tick);
      } else if (e instanceof InboundEvent.TimerFired t && t.timerId() == tick) {
        vote(out);
        out.timer(now + periodNanos, ++tick);
      } else if (e instanceof InboundEvent.MessageDelivered m
          && m.envelope().kind() == MessageKind.NOTARIZATION_SHARE) {
        long h = ByteBuffer.wrap(m.envelope().payload()).getLong();
        if (h > height + 1) {
          finalizeUpTo(h - 1, out); // the sender saw a quorum for h - 1
          vote(out);
        }
        if (h == height + 1) {
          votes.computeIfAbsent(h, k -> new TreeSet<>()).add(m.envelope().from());
          if (votes.get(h).size() >= quorum) {
            finalizeUpTo(h, out);
            vote(out);
          }
        }
      }
    }
    return out.build();
  }

  private void vote(StepOutput.Builder out) {
    long h = height + 1;
    votes.computeIfAbsent(h, k -> new TreeSet<>()).add(self);
    out.network().broadcast(MessageKind.NOTARIZATION_SHARE,
        ByteBuffer.allocate(8).putLong(h).array());
  }

  private void finalizeUpTo(long h, StepOutput.Builder out) {
    while (height < h) {
      height++;
      out.observe(new Observation.Finalized(subnet, height, Bytes.of(GossipToyLogic.sha256(
          (subnet.name() + "/quorum-block/" + height).getBytes(StandardCharsets.UTF_8)))));
    }
    votes.headMap(height, true).clear();
  }
}
