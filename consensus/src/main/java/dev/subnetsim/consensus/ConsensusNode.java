package dev.subnetsim.consensus;

import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpRequest;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpResponse;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Notarization;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.byzantine.Misbehaviour;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.dkg.SubnetDkg;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.pool.IngressPool;
import dev.subnetsim.consensus.roles.BeaconMaker;
import dev.subnetsim.consensus.roles.BlockMaker;
import dev.subnetsim.consensus.roles.Certifier;
import dev.subnetsim.consensus.roles.Changes;
import dev.subnetsim.consensus.roles.CupMaker;
import dev.subnetsim.consensus.roles.FastFinalizer;
import dev.subnetsim.consensus.roles.Finalizer;
import dev.subnetsim.consensus.roles.IntervalDealer;
import dev.subnetsim.consensus.roles.NodeContext;
import dev.subnetsim.consensus.roles.Notary;
import dev.subnetsim.consensus.roles.Purger;
import dev.subnetsim.consensus.roles.Role;
import dev.subnetsim.consensus.roles.ShareAggregator;
import dev.subnetsim.consensus.roles.Validator;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.wire.MessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One replica's consensus as a pure step function: {@link #step} takes the time and what arrived,
 * lets the roles act on the pool, and returns what to send, which blocks became final, what was
 * rejected (with its sender) and when to be woken next. No clock, no threads, no I/O. Its parts:
 * {@link PendingArtifacts} (validation, deferral and retry of received artifacts), {@link
 * ChainFinalizer}, {@link TipRebroadcaster} and {@link CatchUpIngestion}; the roles act in a fixed
 * order.
 */
public final class ConsensusNode {
  /** Something that happened to the replica since the last step. */
  public sealed interface Input {}

  /** A peer's message, decoded once where it arrived (the replica's message routes). */
  public record Received(NodeId from, ConsensusMessage message) implements Input {
    public Received {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * A peer's consensus body that did not decode ({@code what} says why). The node refuses it
   * among its own rejections, in arrival order, so a refusal lands where it always has in traces.
   */
  public record Malformed(NodeId from, String what) implements Input {
    public Malformed {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(what, "what");
    }
  }

  /** A client's ingress message (opaque bytes) to include in a block. */
  public record IngressReceived(byte[] message) implements Input {}

  /**
   * A payload item this replica no longer wants proposed (e.g. a chain-key response whose request
   * another block answered): it leaves the ingress pool.
   */
  public record IngressWithdrawn(byte[] message) implements Input {}

  /** Execution finished {@code height} with this state root. */
  public record Executed(long height, byte[] stateRoot) implements Input {}

  /** The effects of one step; messages are already encoded. */
  public record StepResult(List<Message> messages, List<Block> finalized,
      List<Rejection> rejections, List<ConsensusMessage.Certification> certified,
      List<ConsensusMessage.EquivocationProof> equivocations, List<NodeId> catchUpRequesters,
      List<ReceivedCatchUp> catchUpResponses, List<Changes.CombinedArtifact> combined,
      long wakeAtNanos) {}

  /**
   * A catch-up response and the peer that sent it, for the replica layer to verify (the CUP's
   * signature and certified state) and adopt, or to reject and attribute.
   */
  public record ReceivedCatchUp(NodeId from, CatchUpResponse response) {}

  /** An encoded message; {@code to} is null for a broadcast to the committee. */
  public record Message(NodeId to, MessageKind kind, byte[] bytes) {}

  private final ConsensusConfig config;
  private final NodeId self;
  private final ConsensusCrypto crypto;
  private final ConsensusPool pool;
  private final IngressPool ingress = new IngressPool();
  private final SubnetDkg dkg;
  private final List<Role> roles;
  private final Misbehaviour misbehaviour;
  private final PendingArtifacts artifacts;
  private final ChainFinalizer finalizer;
  private final TipRebroadcaster rebroadcaster;
  private final CatchUpIngestion catchUp;
  private long nextRebroadcast;
  private long lastCatchUpRequest = Long.MIN_VALUE / 2;
  /** Who sent us a finalization we could not yet apply (a block of its chain is missing). */
  private NodeId stuckFinalizationFrom;

  /**
   * A replica starting from {@code cup}: the genesis CUP (height 0) at subnet creation, or the
   * latest CUP after a restart.
   */
  public ConsensusNode(ConsensusConfig config, NodeId self, NodeSecrets secrets,
      ConsensusCrypto crypto, CatchUpPackage cup, Set<ByzantineBehaviour> behaviours) {
    this.config = config;
    this.self = self;
    this.crypto = crypto;
    this.pool = new ConsensusPool(config, cup);
    this.dkg = new SubnetDkg(config, crypto, secrets, cup,
        behaviours.contains(ByzantineBehaviour.BAD_DEALINGS));
    NodeContext node = new NodeContext(secrets, crypto, dkg);
    this.roles = List.of(new ShareAggregator(crypto), new BeaconMaker(node),
        new BlockMaker(node, ingress), new Notary(node), new Finalizer(node),
        new FastFinalizer(crypto), new Certifier(node),
        new IntervalDealer(node), new CupMaker(node), new Purger());
    this.misbehaviour = new Misbehaviour(behaviours, node, config.committee());
    this.artifacts = new PendingArtifacts(pool, new Validator(crypto, dkg));
    this.finalizer = new ChainFinalizer(config, pool, dkg, ingress);
    this.rebroadcaster = new TipRebroadcaster(pool, config.indexOf(self));
    this.catchUp = new CatchUpIngestion(pool, artifacts, finalizer);
  }

  /** The genesis CUP of a subnet: height 0, a fixed genesis block hash and beacon value. */
  public static CatchUpPackage genesis(ConsensusConfig config) {
    byte[] seed = ("genesis/" + config.subnet().name()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] hash = ConsensusPool.sha256(seed);
    return new CatchUpPackage(0, hash, ConsensusPool.sha256(hash), new byte[32], new byte[0],
        new byte[0], new byte[0]);
  }

  public long finalizedHeight() {
    return pool.finalizedHeight;
  }

  public long notarizedHeight() {
    return pool.notarizedHeight();
  }

  /** This replica's threshold keys for {@code height}'s DKG interval, once known. */
  public Optional<EpochKeys> thresholdKeys(long height) {
    return dkg.keys(height);
  }

  /** Every epoch's threshold keys this replica holds, oldest first (for observers). */
  public List<EpochKeys> heldThresholdKeys() {
    return dkg.heldKeys();
  }

  public CatchUpPackage latestCup() {
    return pool.latestCup;
  }

  public int ingressPoolSize() {
    return ingress.size();
  }

  /** The equivocation proofs held (those of heights not yet purged), by height and proposer. */
  public List<ConsensusMessage.EquivocationProof> equivocations() {
    List<ConsensusMessage.EquivocationProof> out = new ArrayList<>();
    pool.equivocations.values().forEach(byProposer -> out.addAll(byProposer.values()));
    return out;
  }

  /** Equivocation proofs accepted since this replica started, purged ones included. */
  public long equivocationsSeen() {
    return pool.equivocationsSeen;
  }

  /** How many artifacts the pool holds ({@link ConsensusPool#artifactCount()}). */
  public int poolSize() {
    return pool.artifactCount();
  }

  /** Received artifacts waiting for what they depend on. */
  public int pendingCount() {
    return artifacts.size();
  }

  /** Finalized blocks after {@code height} with their finalizations, for a catch-up response. */
  public List<Block> finalizedBlocksAfter(long height) {
    return new ArrayList<>(pool.finalizedBlocks.tailMap(height, false).values());
  }

  /** Random beacons after {@code height}, in order, for a catch-up response. */
  public List<ConsensusMessage.Beacon> beaconsAfter(long height) {
    List<ConsensusMessage.Beacon> out = new ArrayList<>();
    pool.beacons.tailMap(height, false).forEach((h, sig) -> out.add(
        new ConsensusMessage.Beacon(h, sig)));
    return out;
  }

  public List<Finalization> finalizationsAfter(long height) {
    List<Finalization> out = new ArrayList<>();
    for (Block b : finalizedBlocksAfter(height)) {
      Finalization f = pool.finalizations.get(b.height());
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  public StepResult step(long now, List<Input> inputs) {
    Changes changes = new Changes();
    List<ReceivedCatchUp> responses = new ArrayList<>();
    // The shares of the step are verified together before any is handled.
    artifacts.verifySharesTogether(inputs.stream().filter(Received.class::isInstance)
        .map(in -> ((Received) in).message()).toList());
    for (Input in : inputs) {
      if (in instanceof Received r) {
        PeerInputFailure.attributed(r.from(), r.message().kind(), () -> {
          handle(r.from(), r.message(), now, changes, responses);
          return null;
        });
      } else if (in instanceof Malformed m) {
        changes.rejections.add(new Rejection(m.from(), "malformed message: " + m.what()));
      } else if (in instanceof IngressReceived i) {
        ingress.add(i.message());
      } else if (in instanceof IngressWithdrawn w) {
        ingress.remove(w.message());
      } else if (in instanceof Executed e) {
        pool.recordExecuted(e.height(), e.stateRoot());
      }
    }
    int before;
    int rounds = 0;
    do {
      before = changes.outgoing.size() + changes.finalized.size() + pool.beacons.size()
          + pool.notarizations.size() + pool.finalizations.size() + pool.fastFinalized.size();
      artifacts.revalidate(changes);
      startRound(now);
      finalizer.apply(changes);
      for (Role role : roles) {
        role.onStateChange(pool, now, changes);
      }
    } while (++rounds < 8 && before != changes.outgoing.size() + changes.finalized.size()
        + pool.beacons.size() + pool.notarizations.size() + pool.finalizations.size()
        + pool.fastFinalized.size());
    if (stuckFinalizationFrom != null && !pool.finalizations.tailMap(pool.finalizedHeight, false)
        .isEmpty()) {
      // A finalization whose chain we cannot complete: a block is missing (e.g. proposed while we
      // were down). Its sender has the finalized chain; ask for it.
      requestCatchUp(stuckFinalizationFrom, now, changes);
    }
    if (now >= nextRebroadcast) {
      rebroadcaster.rebroadcast(changes);
      nextRebroadcast = now + config.unitDelayNanos();
    }
    changes.wakeAt(nextRebroadcast);
    List<Message> messages = new ArrayList<>();
    for (Changes.Outgoing o : misbehaviour.apply(changes.outgoing, pool)) {
      messages.add(new Message(o.to(), o.message().kind(), MessageCodec.encode(o.message())));
    }
    return new StepResult(messages, List.copyOf(changes.finalized),
        List.copyOf(changes.rejections), List.copyOf(changes.certified),
        List.copyOf(changes.equivocations), List.copyOf(changes.catchUpRequesters), responses,
        List.copyOf(changes.combined), changes.wakeAt);
  }

  private void handle(NodeId from, ConsensusMessage m, long now, Changes changes,
      List<ReceivedCatchUp> responses) {
    if (m instanceof CatchUpRequest) {
      changes.catchUpRequesters.add(from);
      return;
    }
    if (m instanceof CatchUpResponse c) {
      responses.add(new ReceivedCatchUp(from, c));
      return;
    }
    if (m.height() > pool.notarizedHeight() + 2 && (m instanceof Finalization
        || m instanceof Notarization)) {
      requestCatchUp(from, now, changes); // we are behind
    }
    artifacts.validate(from, m, changes);
    if (m instanceof Finalization && m.height() > pool.finalizedHeight) {
      stuckFinalizationFrom = from;
    }
  }

  /** Asks {@code peer} for its latest CUP and the finalized chain after it, at most once a unit. */
  private void requestCatchUp(NodeId peer, long now, Changes changes) {
    if (now - lastCatchUpRequest >= config.unitDelayNanos()) {
      lastCatchUpRequest = now;
      changes.send(peer, new CatchUpRequest(pool.finalizedHeight));
    }
  }

  /** A round for height h starts once h-1 is notarized and the beacon of h is known. */
  private void startRound(long now) {
    long h = pool.notarizedHeight() + 1;
    if (!pool.roundStart.containsKey(h) && pool.beacons.containsKey(h)) {
      pool.roundStart.put(h, now);
    }
  }

  /** Blocks of one catch-up response considered at most (a response is a peer's, so bounded). */
  public static final int MAX_CATCH_UP_BLOCKS = 1_000;

  /**
   * What adopting a catch-up response gave: the blocks finalized (for execution) and the parts of
   * the response that failed validation, attributed to the peer that sent it.
   */
  public record IngestedChain(List<Block> finalized, List<Rejection> rejections) {}

  /**
   * Adopts a catch-up response from {@code from} after the caller verified the CUP's state: blocks
   * after our finalized height whose finalizations verify are finalized in order. Beacons and
   * finalizations that fail validation are rejected and attributed to {@code from}.
   */
  public IngestedChain ingestFinalizedChain(NodeId from, List<Block> blocks,
      List<Finalization> finalizations, List<ConsensusMessage.Beacon> beacons) {
    return catchUp.ingest(from, blocks, finalizations, beacons);
  }

  /** Makes an {@link ByzantineBehaviour#ARBITRARY} node lie by {@code plan}; returns this node. */
  public ConsensusNode withAdversary(dev.subnetsim.consensus.byzantine.AdversaryPlan plan) {
    misbehaviour.adversary(plan);
    return this;
  }

  public ConsensusCrypto crypto() {
    return crypto;
  }

  public ConsensusConfig config() {
    return config;
  }
}
