package dev.subnetsim.replica.consensus;

import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.PeerInputFailure;
import dev.subnetsim.consensus.ConsensusNode.Input;
import dev.subnetsim.consensus.ConsensusNode.StepResult;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpRequest;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CatchUpResponse;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.byzantine.AdversaryPlan;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import dev.subnetsim.consensus.roles.Changes;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.wire.MessageCodec;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import dev.subnetsim.replica.chainkey.ChainKeyWorker;
import dev.subnetsim.replica.chainkey.presig.PresignatureDealer;
import dev.subnetsim.replica.chainkey.reshare.ReshareDealer;
import dev.subnetsim.replica.execution.BlockExecutor;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.chainkey.certification.HashTreeCbor;
import dev.subnetsim.chainkey.certification.Witness;
import dev.subnetsim.replica.ingress.IngressAdmission;
import dev.subnetsim.replica.query.CertifiedState;
import dev.subnetsim.replica.query.QueryRequest;
import dev.subnetsim.replica.query.QueryService;
import dev.subnetsim.replica.query.RootDelegation;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.xnet.XNetSlice;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.replica.StepOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A replica running Internet Computer Consensus: the adapter between the actor shell's
 * {@link ReplicaLogic} seam and the pure {@link ConsensusNode}. It executes finalized blocks on its
 * {@link ReplicatedState} (canisters, messaging, the management canister), feeds the certified
 * tree's root back for certification, takes part in answering chain-key requests
 * ({@link ChainKeyWorker}), keeps the latest CUP and its state in a {@link DurableStore} (its
 * disk), answers catch-up requests with CUP + state + the finalized chain after it (state sync),
 * and after a restart resumes from its stored CUP and asks its peers for newer ones.
 */
public final class ConsensusReplicaLogic implements ReplicaLogic {
  static final String INGRESS_KIND = "ingress";
  static final String XNET_KIND = "xnet-slice";
  /** Checkpoints kept (encoded states at CUP heights) for answering catch-up requests. */
  private static final int KEPT_CHECKPOINTS = 4;

  private final NodeId self;
  private final ConsensusConfig config;
  private final NodeSecrets secrets;
  private final ConsensusCrypto crypto;
  private final Set<ByzantineBehaviour> behaviours;
  private final DurableStore store;
  private final List<NodeId> peers;
  private final SubnetExecution execution;
  private final BlockExecutor executor;
  private ChainKeyWorker worker;
  private final ReshareDealer dealer;
  /** This replica's part in refilling presignatures (null off the signing subnet). */
  private PresignatureDealer presignatureDealer;
  private final int incarnation;
  private ConsensusNode node;
  private ReplicatedState state;
  private final TreeMap<Long, byte[]> recentStates = new TreeMap<>();
  /** Metric name prefix of presignature stash levels: {@code presignature_stash/<subnet>/<key>}. */
  public static final String STASH_METRIC = "presignature_stash/";
  private final TreeMap<String, Long> stashReported = new TreeMap<>();
  /** Certified trees of recent heights, to cut stream slices from once a height is certified. */
  private final TreeMap<Long, HashTree> recentTrees = new TreeMap<>();
  /** Per destination subnet, the signal in the last slice sent to it. */
  private final TreeMap<String, Long> signalSent = new TreeMap<>();
  /** Per source subnet, the best slice received and the payload item proposed for it. */
  private final TreeMap<String, XNetSlice> bestSlice = new TreeMap<>();
  private final TreeMap<String, byte[]> proposedSlice = new TreeMap<>();
  /** Users' queries waiting for a certified state to run on. */
  private final QueryService queries = new QueryService();
  /** The latest height whose certification matches our own state tree. */
  private CertifiedState lastCertified;
  /** On a non-root subnet: the root's delegation for our certificates (null on the root). */
  private final RootDelegation delegation;
  private long pendingTimerAt = Long.MAX_VALUE;
  /** Client messages refused at submission (each answered with a 4xx). */
  private long ingressRefused;
  private long nextTimerId;
  /** An {@code arbitrary} node's plan for lying (null for every other node). */
  private AdversaryPlan adversary;

  public ConsensusReplicaLogic(NodeId self, ConsensusConfig config, NodeSecrets secrets,
      ConsensusCrypto crypto, Set<ByzantineBehaviour> behaviours, DurableStore store,
      SubnetExecution execution, int incarnation) {
    this.self = self;
    this.execution = execution;
    this.executor = execution.executor();
    this.state = execution.genesisState();
    int index = config.indexOf(self);
    this.incarnation = incarnation;
    this.behaviours = behaviours;
    this.config = config;
    this.worker = execution.sharesOf(index).map(shares -> newWorker(index, shares,
        execution.management().schemes())).orElse(null);
    this.presignatureDealer = execution.sharesOf(index)
        .flatMap(shares -> newPresignatureDealer(index, shares)).orElse(null);
    String subnet = config.subnet().name();
    this.dealer = execution.reshares().schedule().from(subnet).isEmpty() ? null
        : execution.sharesOf(index).map(shares -> new ReshareDealer(index, subnet,
            execution.reshares(), shares, execution.workerRandom(self + "/" + incarnation
                + "/reshare"), behaviours.contains(ByzantineBehaviour.BAD_DEALINGS)))
            .orElse(null);
    this.secrets = secrets;
    this.crypto = crypto;
    this.store = store;
    this.peers = config.committee().stream().filter(p -> !p.equals(self)).toList();
    this.node = newNode(ConsensusNode.genesis(config));
    var registry = execution.registry();
    this.delegation = registry.isRoot(subnet) ? null : registry.entry(subnet)
        .map(mine -> new RootDelegation(mine, registry,
            execution.members().getOrDefault(registry.root(), List.of()),
            execution.certificationCheck(), index)).orElse(null);
  }

  private ChainKeyWorker newWorker(int index, dev.subnetsim.replica.chainkey.NodeChainKeyShares
      shares, java.util.Map<String, dev.subnetsim.replica.chainkey.schemes.ChainKeyScheme> schemes) {
    return new ChainKeyWorker(index, config.committee().size(), shares, schemes,
        execution.verifier(), execution.workerRandom(self + "/" + incarnation),
        behaviours.contains(ByzantineBehaviour.INVALID_CHAIN_KEY_SHARES));
  }

  private Optional<PresignatureDealer> newPresignatureDealer(int index,
      dev.subnetsim.replica.chainkey.NodeChainKeyShares shares) {
    return execution.management().presignatures(state)
        .filter(p -> p.keyIds().stream().anyMatch(p::refills))
        .map(p -> new PresignatureDealer(index, p, shares.signing(),
            execution.workerRandom(self + "/presignatures"),
            behaviours.contains(ByzantineBehaviour.BAD_DEALINGS)));
  }

  /** The consensus node from {@code cup}, lying by this replica's adversary plan if it has one. */
  private ConsensusNode newNode(CatchUpPackage cup) {
    ConsensusNode fresh = new ConsensusNode(config, self, secrets, crypto, cup, behaviours);
    return adversary == null ? fresh : fresh.withAdversary(adversary);
  }

  /**
   * Makes this replica's consensus node an {@code arbitrary} liar by {@code plan} (now and after
   * every restart or adopted CUP); only for a node with {@link ByzantineBehaviour#ARBITRARY}.
   */
  public ConsensusReplicaLogic withAdversary(AdversaryPlan plan) {
    adversary = plan;
    node.withAdversary(plan);
    return this;
  }

  public ConsensusNode consensus() {
    return node;
  }

  public ReplicatedState state() {
    return state;
  }

  @Override
  public StepOutput step(long now, List<InboundEvent> events) {
    StepOutput.Builder out = StepOutput.builder(self, peers);
    List<Input> inputs = new ArrayList<>();
    for (InboundEvent e : events) {
      if (e instanceof InboundEvent.Start s) {
        start(s, now, out);
      } else if (e instanceof InboundEvent.IngressSubmitted i
          && QueryRequest.isQuery(i.message())) {
        queries.submit(i.message(), now, state.height()).ifPresent(a -> answered(a, out));
      } else if (e instanceof InboundEvent.IngressSubmitted i) {
        Optional<IngressAdmission.Refusal> refused = IngressAdmission.check(i.message(), now, execution.load());
        if (refused.isPresent()) {
          // The client gets a 4xx; nothing enters the pool or the network.
          out.observe(new Observation.Metric("ingress_refused/" + config.subnet(),
              ++ingressRefused));
          continue;
        }
        inputs.add(new ConsensusNode.IngressReceived(i.message()));
        out.network().broadcast(INGRESS_KIND, i.message());
      } else if (e instanceof InboundEvent.MessageDelivered d) {
        inputs.addAll(PeerInputFailure.attributed(d.envelope().from(), d.envelope().kind(),
            () -> delivered(d.envelope(), now, out)));
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
    answerQueries(out);
    out.observe(new Observation.Metric("ingress_pool/" + config.subnet(), node.ingressPoolSize()));
    out.observe(new Observation.Metric("notarized_height/" + config.subnet(),
        node.notarizedHeight()));
    return out.build();
  }

  /** A peer's message: routed to the component that owns its kind. */
  private List<Input> delivered(Envelope envelope, long now, StepOutput.Builder out) {
    NodeId from = envelope.from();
    String kind = envelope.kind();
    byte[] payload = envelope.payload();
    List<Input> inputs = new ArrayList<>();
    if (kind.equals(XNET_KIND)) {
      inputs.addAll(slice(from, payload, out));
    } else if (kind.equals(ChainKeyShareMessage.KIND)) {
      inputs.addAll(share(from, payload, out));
    } else if (kind.equals(ReshareDealer.KIND)) {
      inputs.addAll(dealing(from, payload, out));
    } else if (kind.equals(PresignatureDealer.KIND)) {
      inputs.addAll(presignatureDealing(from, payload, out));
    } else if (kind.equals(RootDelegation.REQUEST_KIND)) {
      issueDelegation(from, out);
    } else if (kind.equals(RootDelegation.KIND)) {
      acceptDelegation(from, payload, out);
    } else if (kind.equals(INGRESS_KIND)) {
      Optional<IngressAdmission.Refusal> refused = IngressAdmission.check(payload, now, execution.load());
      if (refused.isEmpty()) {
        inputs.add(new ConsensusNode.IngressReceived(payload));
      } else if (refused.get().relayFault()) {
        out.observe(new Observation.ArtifactRejected(from, "relayed " + refused.get().reason()));
      }
    } else {
      inputs.add(new ConsensusNode.Received(from, payload));
    }
    return inputs;
  }

  private void start(InboundEvent.Start s, long now, StepOutput.Builder out) {
    if (!s.isRestart()) {
      return;
    }
    DurableStore.Checkpoint checkpoint = store.latest();
    if (checkpoint != null) {
      node = newNode(checkpoint.cup());
      state = ReplicatedState.decode(checkpoint.state());
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
      HashTree mine = recentTrees.get(c.height());
      if (mine != null && !Arrays.equals(mine.digest(), c.stateRoot())) {
        // The subnet certified another state than ours at this height: our execution diverged
        // (the IC replica halts here; we keep running and report it).
        out.observe(new Observation.Metric("state_divergence/" + config.subnet(), c.height()));
      } else if (mine != null && (lastCertified == null || c.height() > lastCertified.height())) {
        lastCertified = new CertifiedState(c.height(), mine, c.signature());
        askForDelegation(out);
      }
      sendSlices(c, out);
    }
    if (!r.equivocations().isEmpty()) {
      out.observe(new Observation.Metric("equivocation_proofs/" + config.subnet(),
          node.equivocationsSeen()));
    }
    List<Input> executed = new ArrayList<>(execute(r.finalized(), now, out));
    for (ConsensusNode.ReceivedCatchUp c : r.catchUpResponses()) {
      executed.addAll(PeerInputFailure.attributed(c.from(), c.response().kind(),
          () -> adopt(c.from(), c.response(), now, out)));
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
      // A payload item that makes execution throw is the block maker's doing.
      BlockExecutor.Outcome o = PeerInputFailure.attributed(
          config.committee().get(b.proposer()), "block payload at height " + b.height(),
          () -> executor.execute(state, b.height(), b.timeNanos(), b.hash(), b.ingress()));
      if (behaviours.contains(ByzantineBehaviour.DIVERGENT_EXECUTION)) {
        state.diverge(b.height());
      }
      if (b.height() % config.cupInterval() == 0) {
        recentStates.put(b.height(), state.encode());
        while (recentStates.size() > KEPT_CHECKPOINTS) {
          recentStates.pollFirstEntry();
        }
      }
      out.observe(new Observation.Finalized(config.subnet(), b.height(), b.hash()));
      for (String rejected : o.rejectedItems()) {
        out.observe(new Observation.ArtifactRejected(config.committee().get(b.proposer()),
            "block " + b.height() + ": " + rejected));
      }
      for (BlockExecutor.LoadCompleted l : o.load()) {
        // Latency of answered load; rejected load (e.g. a full queue) is counted apart.
        out.observe(new Observation.Metric((l.replied() ? "ingress_done/" : "ingress_rejected/")
            + l.sequence(), now - l.sentAtNanos()));
      }
      for (BlockExecutor.IngressCompleted i : o.ingress()) {
        out.observe(new Observation.IngressCompleted(config.subnet(), b.height(), i.requestId(),
            i.reply().replied(), i.reply().replied() ? i.reply().data() : new byte[0],
            i.reply().rejectCode(), i.reply().replied() ? "" : i.reply().rejectMessage()));
      }
      for (BlockExecutor.ChainKeyCompleted c : o.chainKey()) {
        out.observe(new Observation.ChainKeyCompleted(config.subnet(), b.height(),
            c.request().id(), c.request().method(), c.request().caller().toBytes(),
            c.request().arg(), c.reply().encode(), c.request().receivedAtNanos(), now));
      }
      executed.add(new ConsensusNode.Executed(b.height(), stateRoot()));
      executed.addAll(refreshSliceProposals());
      if (worker == null) {
        // A reshare target gets its keys (and its part in answering requests) when they arrive.
        int index = config.indexOf(self);
        worker = execution.sharesOf(index, state).map(shares -> newWorker(index, shares,
            execution.management().schemes(state))).orElse(null);
        if (worker != null) {
          presignatureDealer = newPresignatureDealer(index,
              execution.sharesOf(index, state).orElseThrow()).orElse(null);
          for (var c : execution.installComplaints(state)) {
            if (c.receiver() == index) {
              out.observe(new Observation.ArtifactRejected(
                  execution.members().get(c.source()).get(c.dealer()), "resharing dealing of "
                  + c.keyId() + ": my share did not decrypt; complaint upheld, share recovered "
                  + "from peers' openings"));
            }
          }
        }
      }
      if (worker != null) {
        executed.addAll(apply(worker.afterExecution(state), out));
        reportStash(out);
      }
      if (presignatureDealer != null) {
        executed.addAll(apply(presignatureDealer.afterExecution(state), out));
      }
      if (dealer != null) {
        executed.addAll(apply(dealer.afterExecution(state), out));
      }
    }
    return executed;
  }

  /** Reports each presignature stash's level when it changes (for the report's stash chart). */
  private void reportStash(StepOutput.Builder out) {
    TreeMap<String, Long> levels = new TreeMap<>();
    execution.management().schemes(state).values()
        .forEach(s -> levels.putAll(s.presignaturesAvailable(state)));
    levels.forEach((key, left) -> {
      if (left == 0 && !stashReported.containsKey(key)) {
        return; // a stash that never held any (a backup that never signs): nothing to plot
      }
      if (!left.equals(stashReported.put(key, left))) {
        out.observe(new Observation.Metric(STASH_METRIC + config.subnet() + "/" + key, left));
      }
    });
  }

  /** The certified tree's root: what the subnet certifies at this height. */
  private byte[] stateRoot() {
    HashTree tree = state.certifiedTree(execution.registry().entries());
    recentTrees.put(state.height(), tree);
    while (recentTrees.size() > 16) {
      recentTrees.pollFirstEntry();
    }
    return tree.digest();
  }

  /**
   * Once a height is certified, sends each other subnet a certified slice of our stream to it
   * (with our signal of how far we inducted its stream), when there is something to tell it.
   */
  private void sendSlices(Certification c, StepOutput.Builder out) {
    HashTree tree = recentTrees.get(c.height());
    if (tree == null || !Arrays.equals(tree.digest(), c.stateRoot())) {
      return;
    }
    String me = config.subnet().name();
    for (String dest : execution.routing().subnets()) {
      if (dest.equals(me)) {
        continue;
      }
      var stream = state.streams().get(dest);
      long signal = state.inducted(dest);
      boolean news = (stream != null && !stream.isEmpty())
          || signal != signalSent.getOrDefault(dest, 0L);
      if (!news) {
        continue;
      }
      signalSent.put(dest, signal);
      byte[] utf8Dest = dest.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      HashTree witness = Witness.prune(tree, List.of(
          List.of("streams".getBytes(java.nio.charset.StandardCharsets.UTF_8), utf8Dest),
          List.of("xnet_inducted".getBytes(java.nio.charset.StandardCharsets.UTF_8), utf8Dest)));
      byte[] item = new PayloadItem.XNet(new XNetSlice(me, c.height(), c.signature(),
          HashTreeCbor.encode(witness))).encode();
      for (NodeId node : execution.members().getOrDefault(dest, List.of())) {
        out.network().send(node, XNET_KIND, item);
      }
    }
  }

  /** A slice from another subnet: keep the newest valid one and propose it if it tells us news. */
  private List<Input> slice(NodeId from, byte[] payload, StepOutput.Builder out) {
    XNetSlice s;
    try {
      if (!(PayloadItem.decode(payload) instanceof PayloadItem.XNet x)) {
        out.observe(new Observation.ArtifactRejected(from, "xnet message is not a stream slice"));
        return List.of();
      }
      s = x.slice();
      if (!execution.routing().subnets().contains(s.source())
          || s.source().equals(config.subnet().name())) {
        out.observe(new Observation.ArtifactRejected(from, "stream slice from unknown subnet "
            + s.source()));
        return List.of();
      }
      XNetSlice best = bestSlice.get(s.source());
      if (best != null && best.height() >= s.height()) {
        return List.of();
      }
      if (!execution.sliceVerifier().test(s)) {
        out.observe(new Observation.ArtifactRejected(from, "stream slice of " + s.source()
            + " at height " + s.height() + " fails its certification"));
        return List.of();
      }
    } catch (RuntimeException e) {
      out.observe(new Observation.ArtifactRejected(from, "malformed stream slice: " + e.getMessage()));
      return List.of();
    }
    bestSlice.put(s.source(), s);
    return refreshSliceProposals();
  }

  /**
   * Runs the waiting queries once the state we executed is the one the subnet certified last
   * (and, off the root subnet, once we hold the root's delegation).
   */
  private void answerQueries(StepOutput.Builder out) {
    if (!queries.hasPending() || lastCertified == null
        || lastCertified.height() != state.height()
        || (delegation != null && delegation.held().isEmpty())) {
      return;
    }
    for (QueryService.Answer a : queries.answer(state, lastCertified,
        delegation == null ? Optional.empty() : delegation.held(), execution)) {
      answered(a, out);
    }
  }

  private void answered(QueryService.Answer a, StepOutput.Builder out) {
    out.observe(new Observation.QueryAnswered(config.subnet(), a.height(), a.requestId(),
        a.replied(), a.reply(), a.rejectMessage(), a.certificate()));
  }

  /** Until we hold the root's delegation, asks the next root node at each new certification. */
  private void askForDelegation(StepOutput.Builder out) {
    if (delegation != null && delegation.held().isEmpty()) {
      delegation.nextTarget().ifPresent(root -> out.network().send(root,
          RootDelegation.REQUEST_KIND, new byte[0]));
    }
  }

  /** On the root subnet: answers another subnet's node with its delegation, if we can. */
  private void issueDelegation(NodeId from, StepOutput.Builder out) {
    var registry = execution.registry();
    if (!registry.isRoot(config.subnet().name()) || lastCertified == null
        || behaviours.contains(ByzantineBehaviour.WITHHOLDING)) {
      return;
    }
    execution.members().entrySet().stream().filter(e -> e.getValue().contains(from))
        .map(e -> registry.entry(e.getKey())).flatMap(Optional::stream).findFirst()
        .ifPresent(entry -> out.network().send(from, RootDelegation.KIND,
            RootDelegation.issue(lastCertified, entry)));
  }

  private void acceptDelegation(NodeId from, byte[] payload, StepOutput.Builder out) {
    if (delegation == null) {
      return;
    }
    String refused = delegation.accept(payload);
    if (refused != null) {
      out.observe(new Observation.ArtifactRejected(from, refused));
    }
  }

  /** Proposes each source's best slice while it has news for our state; withdraws stale ones. */
  private List<Input> refreshSliceProposals() {
    List<Input> inputs = new ArrayList<>();
    String me = config.subnet().name();
    for (var e : bestSlice.entrySet()) {
      String source = e.getKey();
      XNetSlice s = e.getValue();
      var ours = state.streams().get(source);
      boolean news = !s.messagesFor(me).tailMap(state.inducted(source)).isEmpty()
          || (ours != null && !ours.isEmpty() && s.signalFor(me) > ours.firstKey());
      byte[] item = new PayloadItem.XNet(s).encode();
      byte[] previous = proposedSlice.get(source);
      if (news && (previous == null || !Arrays.equals(previous, item))) {
        if (previous != null) {
          inputs.add(new ConsensusNode.IngressWithdrawn(previous));
        }
        inputs.add(new ConsensusNode.IngressReceived(item));
        proposedSlice.put(source, item);
      } else if (!news && previous != null) {
        inputs.add(new ConsensusNode.IngressWithdrawn(previous));
        proposedSlice.remove(source);
      }
    }
    return inputs;
  }

  private List<Input> share(NodeId from, byte[] payload, StepOutput.Builder out) {
    if (worker == null) {
      return List.of();
    }
    ChainKeyShareMessage m;
    try {
      m = ChainKeyShareMessage.decode(payload);
    } catch (IllegalArgumentException e) {
      out.observe(new Observation.ArtifactRejected(from, e.getMessage()));
      return List.of();
    }
    if (m.signer() < 0 || m.signer() >= config.committee().size()
        || !config.committee().get(m.signer()).equals(from)) {
      out.observe(new Observation.ArtifactRejected(from, "chain-key share claims signer index "
          + m.signer() + " of another node"));
      return List.of();
    }
    return apply(worker.onShare(state, m), out);
  }

  /** Gossips the worker's shares and moves its payload items in or out of the ingress pool. */
  private List<Input> apply(ChainKeyWorker.Effects effects, StepOutput.Builder out) {
    List<Input> inputs = new ArrayList<>();
    for (ChainKeyShareMessage m : effects.broadcast()) {
      if (!behaviours.contains(ByzantineBehaviour.WITHHOLDING)) {
        out.network().broadcast(ChainKeyShareMessage.KIND, m.encode());
      }
    }
    for (ChainKeyWorker.Rejection r : effects.rejections()) {
      // The signer index was checked against the sender when the share arrived.
      out.observe(new Observation.ArtifactRejected(config.committee().get(r.signer()), r.reason()));
    }
    effects.propose().forEach(item -> inputs.add(new ConsensusNode.IngressReceived(item)));
    effects.withdraw().forEach(item -> inputs.add(new ConsensusNode.IngressWithdrawn(item)));
    return inputs;
  }

  private List<Input> dealing(NodeId from, byte[] payload, StepOutput.Builder out) {
    int sender = config.committee().indexOf(from);
    if (dealer == null || sender < 0) {
      return List.of();
    }
    ReshareDealer.Effects effects = dealer.onDealing(state, sender, payload);
    effects.rejections().forEach(reason -> out.observe(new Observation.ArtifactRejected(from,
        reason)));
    return apply(effects, out);
  }

  /** Gossips the dealer's dealings and moves them in or out of the ingress pool. */
  private List<Input> apply(ReshareDealer.Effects effects, StepOutput.Builder out) {
    List<Input> inputs = new ArrayList<>();
    if (!behaviours.contains(ByzantineBehaviour.WITHHOLDING)) {
      effects.broadcast().forEach(item -> out.network().broadcast(ReshareDealer.KIND, item));
    }
    effects.propose().forEach(item -> inputs.add(new ConsensusNode.IngressReceived(item)));
    effects.withdraw().forEach(item -> inputs.add(new ConsensusNode.IngressWithdrawn(item)));
    return inputs;
  }

  private List<Input> presignatureDealing(NodeId from, byte[] payload, StepOutput.Builder out) {
    int sender = config.committee().indexOf(from);
    if (presignatureDealer == null || sender < 0) {
      return List.of();
    }
    return apply(presignatureDealer.onDealing(state, sender, payload), out);
  }

  /** Gossips the presignature dealer's dealings, moves them in or out of the ingress pool. */
  private List<Input> apply(PresignatureDealer.Effects effects, StepOutput.Builder out) {
    List<Input> inputs = new ArrayList<>();
    if (!behaviours.contains(ByzantineBehaviour.WITHHOLDING)) {
      effects.broadcast().forEach(item -> out.network().broadcast(PresignatureDealer.KIND, item));
    }
    for (PresignatureDealer.Blame b : effects.rejections()) {
      out.observe(new Observation.ArtifactRejected(config.committee().get(b.node()), b.reason()));
    }
    effects.propose().forEach(item -> inputs.add(new ConsensusNode.IngressReceived(item)));
    effects.withdraw().forEach(item -> inputs.add(new ConsensusNode.IngressWithdrawn(item)));
    return inputs;
  }

  /** A peer's CUP checked: the state it brings, or why it is refused. */
  private record CupCheck(ReplicatedState state, String refused) {
    static CupCheck refuse(String why) {
      return new CupCheck(null, why);
    }
  }

  /**
   * Checks a peer's CUP and the state sent with it, cheapest first: the CUP is threshold-signed by
   * the subnet (n-f) as on the IC, its state root is certified, and the state decodes and hashes
   * to that root at that height.
   */
  private CupCheck check(CatchUpPackage cup, byte[] cupMessage, byte[] encodedState) {
    if (!cup.isSigned() || !crypto.verifyCertification(cupMessage, cup.signature())) {
      return CupCheck.refuse("not signed by the subnet");
    }
    if (!crypto.verifyCertification(ConsensusCrypto.certificationMessage(cup.stateRoot()),
        cup.certification())) {
      return CupCheck.refuse("its state root is not certified");
    }
    ReplicatedState synced;
    try {
      synced = ReplicatedState.decode(encodedState);
    } catch (IllegalArgumentException e) {
      return CupCheck.refuse("the state sent with it is malformed");
    }
    if (synced.height() != cup.height() || !Arrays.equals(
        synced.certifiedTree(execution.registry().entries()).digest(), cup.stateRoot())) {
      return CupCheck.refuse("the state sent with it is not the certified state");
    }
    return new CupCheck(synced, null);
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
    byte[] encoded = checkpoint == null ? execution.genesisState().encode() : checkpoint.state();
    CatchUpResponse response = new CatchUpResponse(cup, encoded,
        node.finalizedBlocksAfter(cup.height()), node.finalizationsAfter(cup.height()),
        node.beaconsAfter(cup.height()));
    out.network().send(requester, response.kind(), MessageCodec.encode(response));
  }

  /**
   * Adopts a peer's CUP if it is newer than our state, signed by the subnet, and its certified
   * state checks out, then finalizes and executes the chain after it. A CUP that fails a check is
   * refused and attributed to the peer that sent it.
   */
  private List<Input> adopt(NodeId from, CatchUpResponse c, long now, StepOutput.Builder out) {
    CatchUpPackage cup = c.cup();
    if (cup.height() > state.height()) {
      byte[] cupMessage = ConsensusCrypto.cupMessage(cup.height(), cup.contentHash());
      CupCheck checked = check(cup, cupMessage, c.state());
      String refused = checked.refused();
      ConsensusNode restarted = null;
      if (refused == null) {
        try {
          restarted = newNode(cup);
        } catch (IllegalArgumentException e) {
          refused = e.getMessage(); // a malformed or incomplete DKG summary
        }
      }
      if (refused != null) {
        out.observe(new Observation.ArtifactRejected(from, "cup-response: catch-up package at "
            + "height " + cup.height() + " refused: " + refused));
        return List.of();
      }
      node = restarted;
      state = checked.state();
      recentStates.put(cup.height(), c.state());
      store.save(new DurableStore.Checkpoint(cup, c.state()));
      out.observe(new Observation.CombinedSignature(config.subnet(), "catch-up-package",
          cup.height(), crypto.certificationPublicKey(), cupMessage, cup.signature()));
      out.observe(new Observation.Metric("state_sync/" + config.subnet(), cup.height()));
    }
    ConsensusNode.IngestedChain chain = node.ingestFinalizedChain(from, c.blocks(),
        c.finalizations(), c.beacons());
    for (Changes.Rejection rej : chain.rejections()) {
      out.observe(new Observation.ArtifactRejected(rej.from(), "cup-response: " + rej.reason()));
    }
    return execute(chain.finalized(), now, out);
  }
}
