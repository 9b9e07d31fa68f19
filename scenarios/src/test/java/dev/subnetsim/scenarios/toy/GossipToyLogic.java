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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A stand-in for consensus in driver tests: every {@code period} each replica broadcasts a "ping"
 * (a beacon share of random padding from its seeded generator), answers each ping with an "ack"
 * (a certification share), and after every
 * {@code k} pings received reports the next height "finalized" with hash H(subnet, height) (the
 * same on every honest replica, so agreement holds) plus a certified state. A restarted replica
 * starts again from height 0 and re-reports the same hashes.
 */
public class GossipToyLogic implements ReplicaLogic {
  private final NodeId self;
  private final SubnetId subnet;
  private final List<NodeId> members;
  private final RandomGenerator rng;
  private final int k;
  private final long periodNanos;
  private long round;
  private long pings;
  private long height;

  public GossipToyLogic(NodeId self, SubnetId subnet, List<NodeId> members, RandomGenerator rng,
      int k, long periodNanos) {
    this.self = self;
    this.subnet = subnet;
    this.members = members;
    this.rng = rng;
    this.k = k;
    this.periodNanos = periodNanos;
  }

  @Override
  public StepOutput step(long now, List<InboundEvent> events) {
    StepOutput.Builder out = StepOutput.builder(self, members);
    for (InboundEvent e : events) {
      if (e instanceof InboundEvent.Start) {
        out.timer(now + 1 + rng.nextLong(periodNanos), round);
      } else if (e instanceof InboundEvent.TimerFired t && t.timerId() == round) {
        out.network().broadcast(MessageKind.BEACON_SHARE, pingPayload());
        round++;
        out.timer(now + periodNanos, round);
      } else if (e instanceof InboundEvent.MessageDelivered m) {
        if (m.envelope().kind() == MessageKind.BEACON_SHARE) {
          out.network().send(m.envelope().from(), MessageKind.CERTIFICATION_SHARE,
              sha256(m.envelope().payload()));
          if (++pings % k == 0) {
            height++;
            out.observe(new Observation.Finalized(subnet, height, Bytes.of(hash("block", height))));
            out.observe(new Observation.StateCertified(subnet, height,
                Bytes.of(hash("state", height))));
          }
        }
      } else if (e instanceof InboundEvent.IngressSubmitted in) {
        out.network().broadcast(MessageKind.INGRESS, in.message().toArray());
      }
    }
    return out.build();
  }

  /** Payload of a ping; subclasses may leak nondeterminism here. */
  protected byte[] pingPayload() {
    byte[] padding = new byte[8 + rng.nextInt(56)];
    rng.nextBytes(padding);
    return ByteBuffer.allocate(12 + padding.length).putInt(self.value()).putLong(round)
        .put(padding).array();
  }

  protected byte[] hash(String what, long h) {
    return sha256((subnet.name() + "/" + what + "/" + h).getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
