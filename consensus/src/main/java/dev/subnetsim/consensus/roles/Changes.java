package dev.subnetsim.consensus.roles;

import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.types.NodeId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the roles decided in one step: messages to send (to everyone, or to one node), blocks that
 * became final (to execute, in order), artifacts rejected with their sender, and the earliest time
 * a role wants to run again.
 */
public final class Changes {
  /** A message to send; {@code to} is null for a broadcast. */
  public record Outgoing(NodeId to, ConsensusMessage message) {}

  /**
   * A combined BLS signature (kind "random-beacon", "notarization", "finalization" or
   * "certification") with the public key and message it must verify under.
   */
  public record CombinedArtifact(String kind, long height, byte[] publicKey, byte[] message,
      byte[] signature) {}

  /** An invalid artifact and the peer it came from. */

  public final List<Outgoing> outgoing = new ArrayList<>();
  public final List<Block> finalized = new ArrayList<>();
  public final List<Rejection> rejections = new ArrayList<>();
  public final List<ConsensusMessage.Certification> certified = new ArrayList<>();
  /** Combined signatures this replica formed or accepted, for the signature-validity checker. */
  public final List<CombinedArtifact> combined = new ArrayList<>();
  public final List<ConsensusMessage.EquivocationProof> equivocations = new ArrayList<>();
  public final List<NodeId> catchUpRequesters = new ArrayList<>();
  public long wakeAt = Long.MAX_VALUE;

  public void broadcast(ConsensusMessage m) {
    outgoing.add(new Outgoing(null, m));
  }

  public void send(NodeId to, ConsensusMessage m) {
    outgoing.add(new Outgoing(to, m));
  }

  public void wakeAt(long t) {
    wakeAt = Math.min(wakeAt, t);
  }
}
