package dev.subnetsim.consensus;

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
import dev.subnetsim.consensus.roles.Finalizer;
import dev.subnetsim.consensus.roles.IntervalDealer;
import dev.subnetsim.consensus.roles.NodeContext;
import dev.subnetsim.consensus.roles.Notary;
import dev.subnetsim.consensus.roles.Purger;
import dev.subnetsim.consensus.roles.Role;
import dev.subnetsim.consensus.roles.ShareAggregator;
import dev.subnetsim.consensus.roles.Validator;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.wire.MalformedMessageException;
import dev.subnetsim.consensus.wire.MessageCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One replica's consensus as a pure step function: {@link #step} takes the time and what arrived,
 * lets the roles act on the pool, and returns what to send, which blocks became final, what was
 * rejected (with its sender) and when to be woken next. No clock, no threads, no I/O.
 */
public final class ConsensusNode {
  /** Something that happened to the replica since the last step. */
  public sealed interface Input {}

  /** Bytes from a peer. */
  public record Received(NodeId from, byte[] bytes) implements Input {}

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
      List<Changes.Rejection> rejections, List<ConsensusMessage.Certification> certified,
      List<ConsensusMessage.EquivocationProof> equivocations, List<NodeId> catchUpRequesters,
      List<ReceivedCatchUp> catchUpResponses, List<Changes.CombinedArtifact> combined,
      long wakeAtNanos) {}

  /**
   * A catch-up response and the peer that sent it, for the replica layer to verify (the CUP's
   * signature and certified state) and adopt, or to reject and attribute.
   */
  public record ReceivedCatchUp(NodeId from, CatchUpResponse response) {}

  /** An encoded message; {@code to} is null for a broadcast to the committee. */
  public record Message(NodeId to, String kind, byte[] bytes) {}

  private final ConsensusConfig config;
  private final NodeId self;
  private final ConsensusCrypto crypto;
  private final ConsensusPool pool;
  private final IngressPool ingress = new IngressPool();
  private final Validator validator;
  private final SubnetDkg dkg;
  private final List<Role> roles;
  private final Misbehaviour misbehaviour;
  private final List<Pending> pending = new ArrayList<>();
  private long nextRebroadcast;
  private long lastCatchUpRequest = Long.MIN_VALUE / 2;
  /** Who sent us a finalization we could not yet apply (a block of its chain is missing). */
  private NodeId stuckFinalizationFrom;

  private record Pending(NodeId from, ConsensusMessage message) {}

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
    this.validator = new Validator(crypto, dkg);
    NodeContext node = new NodeContext(secrets, crypto, dkg);
    this.roles = List.of(new ShareAggregator(crypto), new BeaconMaker(node),
        new BlockMaker(node, ingress), new Notary(node), new Finalizer(node), new Certifier(node),
        new IntervalDealer(node), new CupMaker(node), new Purger());
    this.misbehaviour = new Misbehaviour(behaviours, node, config.committee());
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
    return pending.size();
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
    for (Input in : inputs) {
      if (in instanceof Received r) {
        PeerInputFailure.attributed(r.from(), "consensus message", () -> {
          receive(r, now, changes, responses);
          return null;
        });
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
          + pool.notarizations.size() + pool.finalizations.size();
      revalidatePending(changes);
      startRound(now);
      applyFinalizations(changes);
      for (Role role : roles) {
        role.onStateChange(pool, now, changes);
      }
    } while (++rounds < 8 && before != changes.outgoing.size() + changes.finalized.size()
        + pool.beacons.size() + pool.notarizations.size() + pool.finalizations.size());
    if (stuckFinalizationFrom != null && !pool.finalizations.tailMap(pool.finalizedHeight, false)
        .isEmpty()) {
      // A finalization whose chain we cannot complete: a block is missing (e.g. proposed while we
      // were down). Its sender has the finalized chain; ask for it.
      requestCatchUp(stuckFinalizationFrom, now, changes);
    }
    if (now >= nextRebroadcast) {
      rebroadcast(changes);
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

  private void receive(Received r, long now, Changes changes, List<ReceivedCatchUp> responses) {
    ConsensusMessage m;
    try {
      m = MessageCodec.decode(r.bytes());
    } catch (MalformedMessageException e) {
      changes.rejections.add(new Changes.Rejection(r.from(), "malformed message: " + e.getMessage()));
      return;
    }
    ConsensusMessage decoded = m;
    PeerInputFailure.attributed(r.from(), m.kind(), () -> {
      handle(r.from(), decoded, now, changes, responses);
      return null;
    });
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
    validate(from, m, changes);
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

  private void validate(NodeId from, ConsensusMessage m, Changes changes) {
    try {
      if (validator.validate(pool, m, changes) == Validator.Verdict.PENDING
          && m.height() <= pool.notarizedHeight() + 20 && pending.size() < 10_000) {
        pending.add(new Pending(from, m));
      }
    } catch (Validator.InvalidArtifactException e) {
      changes.rejections.add(new Changes.Rejection(from, m.kind() + ": " + e.getMessage()));
    } catch (IllegalArgumentException e) {
      changes.rejections.add(new Changes.Rejection(from, m.kind() + ": " + e.getMessage()));
    }
  }

  private void revalidatePending(Changes changes) {
    if (pending.isEmpty()) {
      return;
    }
    List<Pending> retry = new ArrayList<>(pending);
    pending.clear();
    for (Pending p : retry) {
      if (stillOpen(p.message())) {
        PeerInputFailure.attributed(p.from(), p.message().kind(), () -> {
          validate(p.from(), p.message(), changes);
          return null;
        });
      }
    }
  }

  /**
   * Whether a deferred artifact can still matter: one of the certification family waits for
   * execution, which follows finalization, and its validation says when it is moot; the rest
   * until their height is final.
   */
  private boolean stillOpen(ConsensusMessage m) {
    if (m instanceof ConsensusMessage.CertificationShare
        || m instanceof ConsensusMessage.Certification) {
      return true;
    }
    return m.height() > pool.finalizedHeight;
  }

  /** A round for height h starts once h-1 is notarized and the beacon of h is known. */
  private void startRound(long now) {
    long h = pool.notarizedHeight() + 1;
    if (!pool.roundStart.containsKey(h) && pool.beacons.containsKey(h)) {
      pool.roundStart.put(h, now);
    }
  }

  /** Finalizes the chain up to each known finalization once all its blocks are present. */
  private void applyFinalizations(Changes changes) {
    for (Finalization f : new ArrayList<>(pool.finalizations.tailMap(pool.finalizedHeight, false)
        .values())) {
      List<Block> chain = new ArrayList<>();
      byte[] hash = f.blockHash();
      for (long h = f.height(); h > pool.finalizedHeight; h--) {
        Block b = pool.block(h, hash).orElse(null);
        if (b == null) {
          return;
        }
        chain.add(0, b);
        hash = b.parentHash();
      }
      if (!Arrays.equals(hash, pool.finalizedHash)) {
        return; // conflicts with what we finalized: cannot happen while f < n/3
      }
      for (Block b : chain) {
        dkg.onFinalized(b);
        for (SubnetDkg.Blame blame : dkg.drainBlames()) {
          changes.rejections.add(new Changes.Rejection(config.committee().get(blame.node()),
              blame.reason()));
        }
        pool.finalizedBlocks.put(b.height(), b);
        pool.finalizedHeight = b.height();
        pool.finalizedHash = b.hash();
        ingress.finalized(b);
        changes.finalized.add(b);
      }
    }
  }

  /**
   * Re-sends the artifacts at the tip every unit delay, so replicas that missed messages (loss,
   * partitions, restarts) converge; the IC's artifact pool gossip plays this part.
   */
  private void rebroadcast(Changes changes) {
    long notarized = pool.notarizedHeight();
    long h = notarized + 1;
    pool.notarizations.getOrDefault(notarized, new java.util.TreeMap<>()).values()
        .forEach(changes::broadcast);
    Finalization f = pool.finalizations.get(pool.finalizedHeight);
    if (f != null) {
      changes.broadcast(f);
    }
    byte[] beacon = pool.beacons.get(h);
    if (beacon != null) {
      changes.broadcast(new ConsensusMessage.Beacon(h, beacon));
    }
    int me = config.indexOf(self);
    byte[] share = pool.beaconShares.getOrDefault(h, new java.util.TreeMap<>()).get(me);
    if (share != null && beacon == null) {
      changes.broadcast(new ConsensusMessage.BeaconShare(h, me, share));
    }
    // This replica's share of the newest CUP not yet signed (shares lost in a partition would
    // otherwise leave it unsigned until the next CUP height).
    var unsigned = pool.unsignedCups.lastEntry();
    if (unsigned != null) {
      long ch = unsigned.getKey();
      byte[] mine = pool.cupShares.getOrDefault(ch, new java.util.TreeMap<>())
          .getOrDefault(unsigned.getValue().key(), new java.util.TreeMap<>()).get(me);
      if (mine != null) {
        changes.broadcast(new ConsensusMessage.CupShare(ch, unsigned.getValue().contentHash(), me,
            mine));
      }
    }
    // Relay every valid proposal at the open height (the IC gossips artifacts), so an equivocating
    // block maker's two blocks reach everyone and the rank is disqualified.
    pool.proposals.getOrDefault(h, new java.util.TreeMap<>()).values()
        .forEach(changes::broadcast);
    pool.notarizationShares.getOrDefault(h, new java.util.TreeMap<>()).forEach((block, shares) -> {
      byte[] mine = shares.get(me);
      if (mine != null) {
        changes.broadcast(new ConsensusMessage.NotarizationShare(h,
            java.util.HexFormat.of().parseHex(block), me, mine));
      }
    });
    for (long fh = pool.finalizedHeight + 1; fh <= notarized; fh++) {
      final long height = fh;
      pool.finalizationShares.getOrDefault(fh, new java.util.TreeMap<>()).forEach((block, s) -> {
        byte[] mine = s.get(me);
        if (mine != null) {
          changes.broadcast(new ConsensusMessage.FinalizationShare(height,
              java.util.HexFormat.of().parseHex(block), me, mine));
        }
      });
    }
  }

  /** Blocks of one catch-up response considered at most (a response is a peer's, so bounded). */
  public static final int MAX_CATCH_UP_BLOCKS = 1_000;

  /**
   * What adopting a catch-up response gave: the blocks finalized (for execution) and the parts of
   * the response that failed validation, attributed to the peer that sent it.
   */
  public record IngestedChain(List<Block> finalized, List<Changes.Rejection> rejections) {}

  /**
   * Adopts a catch-up response from {@code from} after the caller verified the CUP's state: blocks
   * after our finalized height whose finalizations verify are finalized in order. Beacons and
   * finalizations that fail validation are rejected and attributed to {@code from}.
   */
  public IngestedChain ingestFinalizedChain(NodeId from, List<Block> blocks,
      List<Finalization> finalizations, List<ConsensusMessage.Beacon> beacons) {
    Changes changes = new Changes();
    // One finalization at a time, each applied before the next is validated, so the lookahead
    // window moves with the chain however long it is; blocks are kept only up to a finalization
    // within the window (the rest could never be finalized by this response).
    java.util.TreeMap<Long, List<Block>> byHeight = new java.util.TreeMap<>();
    for (Block b : blocks.subList(0, Math.min(blocks.size(), MAX_CATCH_UP_BLOCKS))) {
      byHeight.computeIfAbsent(b.height(), k -> new ArrayList<>()).add(b);
    }
    List<Finalization> ordered = new ArrayList<>(finalizations.subList(0,
        Math.min(finalizations.size(), MAX_CATCH_UP_BLOCKS)));
    ordered.sort(java.util.Comparator.comparingLong(Finalization::height));
    for (Finalization f : ordered) {
      if (f.height() <= pool.finalizedHeight) {
        continue;
      }
      if (!pool.withinLookahead(f.height())) {
        break;
      }
      byHeight.subMap(pool.finalizedHeight, false, f.height(), true).forEach((h, atHeight) -> {
        for (Block b : atHeight) {
          pool.catchUpBlocks.computeIfAbsent(h, k -> new java.util.TreeMap<>())
              .putIfAbsent(ConsensusPool.hex(b.hash()), b);
        }
      });
      validate(from, f, changes);
      applyFinalizations(changes);
    }
    for (ConsensusMessage.Beacon b : beacons.subList(0, Math.min(beacons.size(),
        MAX_CATCH_UP_BLOCKS))) {
      validate(from, b, changes); // each verifies against the previous one, in height order
    }
    return new IngestedChain(List.copyOf(changes.finalized), List.copyOf(changes.rejections));
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
