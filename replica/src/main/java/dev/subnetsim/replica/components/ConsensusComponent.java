package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.ConsensusNode.StepResult;
import dev.subnetsim.consensus.byzantine.AdversaryPlan;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import dev.subnetsim.consensus.roles.Changes;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.wire.MalformedPeerMessageException;
import dev.subnetsim.replica.wire.PeerMessage;
import java.util.Set;

/**
 * Consensus: the pure {@link ConsensusNode} (made anew from a CUP after a restart or catch-up,
 * lying by the replica's adversary plan if it has one). Peers' consensus messages, decoded by the
 * routes, are its input; its step's messages, rejections and combined artifacts become a change set.
 */
public final class ConsensusComponent {
  private final ConsensusConfig config;
  private final NodeId self;
  private final NodeSecrets secrets;
  private final ConsensusCrypto crypto;
  private final Set<ByzantineBehaviour> behaviours;
  /** An {@code arbitrary} node's plan for lying (null for every other node). */
  private AdversaryPlan adversary;
  private ConsensusNode node;

  public ConsensusComponent(ConsensusConfig config, NodeId self, NodeSecrets secrets,
      ConsensusCrypto crypto, Set<ByzantineBehaviour> behaviours) {
    this.config = config;
    this.self = self;
    this.secrets = secrets;
    this.crypto = crypto;
    this.behaviours = behaviours;
    this.node = nodeFrom(ConsensusNode.genesis(config));
  }

  public ConsensusNode node() {
    return node;
  }

  /** Lies by {@code plan} now and in every node made later (an {@code arbitrary} node). */
  public void withAdversary(AdversaryPlan plan) {
    adversary = plan;
    node.withAdversary(plan);
  }

  /**
   * A consensus node resuming from {@code cup} (not yet in use: see {@link #resume}).
   *
   * @throws IllegalArgumentException if the CUP's DKG summary is malformed or incomplete
   */
  public ConsensusNode nodeFrom(CatchUpPackage cup) {
    ConsensusNode fresh = new ConsensusNode(config, self, secrets, crypto, cup, behaviours);
    return adversary == null ? fresh : fresh.withAdversary(adversary);
  }

  /** From now on, {@code resumed} is this replica's consensus node. */
  public void resume(ConsensusNode resumed) {
    this.node = resumed;
  }

  /** A peer's consensus message, decoded by the routes: the node judges it. */
  public ChangeSet onMessage(NodeId from, PeerMessage.Consensus message, ReplicaView view) {
    return ChangeSet.builder().input(new ConsensusNode.Received(from, message.message())).build();
  }

  /**
   * A consensus body that does not decode: the node refuses it, in its words and in arrival order
   * among its other rejections ({@link ConsensusNode.Malformed}), for the codec's reason.
   */
  public static ChangeSet malformed(NodeId from, MalformedPeerMessageException e) {
    // The registry names the kind; the node's wording has always been the codec's reason alone.
    String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
    return ChangeSet.builder().input(new ConsensusNode.Malformed(from, why)).build();
  }

  /** A step's messages to send, its rejections and the artifacts it combined. */
  public ChangeSet effects(StepResult r) {
    ChangeSet.Builder b = ChangeSet.builder();
    for (ConsensusNode.Message m : r.messages()) {
      if (m.to() == null) {
        b.broadcast(m.kind(), m.bytes());
      } else {
        b.send(m.to(), m.kind(), m.bytes());
      }
    }
    for (Rejection rej : r.rejections()) {
      b.reject(rej.sender(), rej.reason());
    }
    for (Changes.CombinedArtifact c : r.combined()) {
      b.observe(new Observation.CombinedSignature(config.subnet(), c.kind(), c.height(),
          Bytes.of(c.publicKey()), Bytes.of(c.message()), Bytes.of(c.signature())));
    }
    return b.build();
  }

  /** The equivocation proofs seen so far, when a step found new ones. */
  public ChangeSet equivocations(StepResult r) {
    return r.equivocations().isEmpty() ? ChangeSet.EMPTY
        : ChangeSet.observing(new Observation.Metric("equivocation_proofs/" + config.subnet(),
            node.equivocationsSeen()));
  }
}
