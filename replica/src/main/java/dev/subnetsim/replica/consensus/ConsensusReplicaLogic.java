package dev.subnetsim.replica.consensus;

import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.ConsensusNode.Input;
import dev.subnetsim.consensus.ConsensusNode.StepResult;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpRequest;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpResponse;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import dev.subnetsim.consensus.roles.Changes;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.wire.MessageCodec;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.StepOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A replica running Internet Computer Consensus: the adapter between the actor shell's
 * {@link ReplicaLogic} seam and the pure {@link ConsensusNode}. It executes finalized blocks on a
 * {@link KeyValueStateMachine}, feeds state roots back for certification, keeps the latest CUP and
 * its state in a {@link DurableStore} (its disk), answers catch-up requests with CUP + state + the
 * finalized chain after it (state sync), and after a restart resumes from its stored CUP and asks
 * its peers for newer ones.
 */
public final class ConsensusReplicaLogic implements ReplicaLogic {
  static final String INGRESS_KIND = "ingress";
  /** Executed states kept for answering catch-up requests at the latest CUP height. */
  private static final int KEPT_STATES = 64;

  private final NodeId self;
  private final ConsensusConfig config;
  private final NodeSecrets secrets;
  private final ConsensusCrypto crypto;
  private final Set<ByzantineBehaviour> behaviours;
  private final DurableStore store;
  private final List<NodeId> peers;
  private ConsensusNode node;
  private KeyValueStateMachine state = new KeyValueStateMachine();
  private final TreeMap<Long, byte[]> recentStates = new TreeMap<>();
  private long pendingTimerAt = Long.MAX_VALUE;
  private long nextTimerId;

  public ConsensusReplicaLogic(NodeId self, ConsensusConfig config, NodeSecrets secrets,
      ConsensusCrypto crypto, Set<ByzantineBehaviour> behaviours, DurableStore store) {
    this.self = self;
    this.config = config;
    this.secrets = secrets;
    this.crypto = crypto;
    this.behaviours = behaviours;
    this.store = store;
    this.peers = config.committee().stream().filter(p -> !p.equals(self)).toList();
    this.node = new ConsensusNode(config, self, secrets, crypto, ConsensusNode.genesis(config),
        behaviours);
  }

  public ConsensusNode consensus() {
    return node;
  }

  public KeyValueStateMachine state() {
    return state;
  }

  @Override
  public StepOutput step(long now, List<InboundEvent> events) {
    StepOutput.Builder out = StepOutput.builder(self, peers);
    List<Input> inputs = new ArrayList<>();
    for (InboundEvent e : events) {
      if (e instanceof InboundEvent.Start s) {
        start(s, now, out);
      } else if (e instanceof InboundEvent.IngressSubmitted i) {
        inputs.add(new ConsensusNode.IngressReceived(i.message()));
        out.network().broadcast(INGRESS_KIND, i.message());
      } else if (e instanceof InboundEvent.MessageDelivered d) {
        if (d.envelope().kind().equals(INGRESS_KIND)) {
          inputs.add(new ConsensusNode.IngressReceived(d.envelope().payload()));
        } else {
          inputs.add(new ConsensusNode.Received(d.envelope().from(), d.envelope().payload()));
        }
      }
    }
    StepResult r = node.step(now, inputs);
    for (int guard = 0; guard < 16; guard++) {
      List<Input> executed = handle(r, now, out);
      if (executed.isEmpty()) {
        break;
      }
      r = node.step(now, executed);
    }
    if (r.wakeAtNanos() < Long.MAX_VALUE && (r.wakeAtNanos() < pendingTimerAt
        || pendingTimerAt <= now)) {
      pendingTimerAt = r.wakeAtNanos();
      out.timer(pendingTimerAt, nextTimerId++);
    }
    out.observe(new Observation.Metric("ingress_pool/" + config.subnet(), node.ingressPoolSize()));
    out.observe(new Observation.Metric("notarized_height/" + config.subnet(),
        node.notarizedHeight()));
    return out.build();
  }

  private void start(InboundEvent.Start s, long now, StepOutput.Builder out) {
    if (!s.isRestart()) {
      return;
    }
    DurableStore.Checkpoint checkpoint = store.latest();
    if (checkpoint != null) {
      node = new ConsensusNode(config, self, secrets, crypto, checkpoint.cup(), behaviours);
      state = KeyValueStateMachine.decode(checkpoint.state());
      recentStates.put(state.height(), checkpoint.state());
    }
    // State sync: ask every peer for a newer CUP and the finalized chain after it.
    out.network().broadcast("cup-request",
        MessageCodec.encode(new CatchUpRequest(node.finalizedHeight())));
  }

  /** Applies one consensus step's effects; returns the Executed inputs for the next step. */
  private List<Input> handle(StepResult r, long now, StepOutput.Builder out) {
    for (ConsensusNode.Message m : r.messages()) {
      if (m.to() == null) {
        out.network().broadcast(m.kind(), m.bytes());
      } else {
        out.network().send(m.to(), m.kind(), m.bytes());
      }
    }
    for (Changes.Rejection rej : r.rejections()) {
      out.observe(new Observation.ArtifactRejected(rej.from(), rej.reason()));
    }
    for (Changes.CombinedArtifact c : r.combined()) {
      out.observe(new Observation.CombinedSignature(config.subnet(), c.kind(), c.height(),
          c.publicKey(), c.message(), c.signature()));
    }
    for (Certification c : r.certified()) {
      out.observe(new Observation.StateCertified(config.subnet(), c.height(), c.stateRoot()));
    }
    if (!r.equivocations().isEmpty()) {
      out.observe(new Observation.Metric("equivocation_proofs/" + config.subnet(),
          node.equivocations().size()));
    }
    List<Input> executed = new ArrayList<>(execute(r.finalized(), now, out));
    for (CatchUpResponse c : r.catchUpResponses()) {
      executed.addAll(adopt(c, now, out));
    }
    for (NodeId requester : r.catchUpRequesters()) {
      respond(requester, out);
    }
    saveCheckpoint();
    return executed;
  }

  private List<Input> execute(List<Block> blocks, long now, StepOutput.Builder out) {
    List<Input> executed = new ArrayList<>();
    for (Block b : blocks) {
      if (b.height() <= state.height()) {
        continue;
      }
      state.apply(b.height(), b.ingress());
      byte[] encoded = state.encode();
      recentStates.put(b.height(), encoded);
      while (recentStates.size() > KEPT_STATES) {
        recentStates.pollFirstEntry();
      }
      out.observe(new Observation.Finalized(config.subnet(), b.height(), b.hash()));
      for (byte[] m : b.ingress()) {
        if (m.length == 16) {
          // Workload messages carry (sequence, send time): report the latency to execution.
          java.nio.ByteBuffer body = java.nio.ByteBuffer.wrap(m);
          long seq = body.getLong();
          long sentAt = body.getLong();
          out.observe(new Observation.Metric("ingress_done/" + seq, now - sentAt));
        }
      }
      executed.add(new ConsensusNode.Executed(b.height(), state.root()));
    }
    return executed;
  }

  private void saveCheckpoint() {
    CatchUpPackage cup = node.latestCup();
    byte[] encoded = recentStates.get(cup.height());
    if (cup.height() > 0 && encoded != null) {
      store.save(new DurableStore.Checkpoint(cup, encoded));
    }
  }

  private void respond(NodeId requester, StepOutput.Builder out) {
    DurableStore.Checkpoint checkpoint = store.latest();
    CatchUpPackage cup = checkpoint == null ? ConsensusNode.genesis(config) : checkpoint.cup();
    byte[] encoded = checkpoint == null ? new KeyValueStateMachine().encode() : checkpoint.state();
    CatchUpResponse response = new CatchUpResponse(cup, encoded,
        node.finalizedBlocksAfter(cup.height()), node.finalizationsAfter(cup.height()),
        node.beaconsAfter(cup.height()));
    out.network().send(requester, response.kind(), MessageCodec.encode(response));
  }

  /**
   * Adopts a peer's CUP if it is newer than our state and its certification and state check out,
   * then finalizes and executes the chain after it.
   */
  private List<Input> adopt(CatchUpResponse c, long now, StepOutput.Builder out) {
    CatchUpPackage cup = c.cup();
    if (cup.height() > state.height()) {
      KeyValueStateMachine synced;
      try {
        synced = KeyValueStateMachine.decode(c.state());
      } catch (IllegalArgumentException e) {
        return List.of();
      }
      boolean certified = crypto.verifyCertification(
          ConsensusCrypto.certificationMessage(cup.stateRoot()), cup.certification());
      if (!certified || !Arrays.equals(synced.root(), cup.stateRoot())
          || synced.height() != cup.height()) {
        return List.of(); // a forged or stale CUP: ignore it
      }
      node = new ConsensusNode(config, self, secrets, crypto, cup, behaviours);
      state = synced;
      recentStates.put(cup.height(), c.state());
      store.save(new DurableStore.Checkpoint(cup, c.state()));
      out.observe(new Observation.Metric("state_sync/" + config.subnet(), cup.height()));
    }
    return execute(node.ingestFinalizedChain(c.blocks(), c.finalizations(), c.beacons()), now,
        out);
  }
}
