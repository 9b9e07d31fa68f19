package dev.subnetsim.replica.node;

import dev.subnetsim.replica.consensus.DurableStore;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.consensus.ConsensusConfig;
import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.ConsensusNode.Input;
import dev.subnetsim.consensus.ConsensusNode.StepResult;
import dev.subnetsim.consensus.PeerInputFailure;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.byzantine.AdversaryPlan;
import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import dev.subnetsim.consensus.crypto.ConsensusCrypto;
import dev.subnetsim.consensus.crypto.NodeSecrets;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.InboundEvent;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.ReplicaLogic;
import dev.subnetsim.replica.StepOutput;
import dev.subnetsim.replica.components.CatchUpComponent;
import dev.subnetsim.replica.chainkey.NodeChainKeyShares;
import dev.subnetsim.replica.chainkey.reshare.NodeEncryptionKey;
import dev.subnetsim.replica.components.ChainKeyParts;
import dev.subnetsim.replica.components.ChainKeySigningComponent;
import dev.subnetsim.replica.components.ChangeSetApplier;
import dev.subnetsim.replica.components.ChangeSetDecorator;
import dev.subnetsim.replica.components.ConsensusComponent;
import dev.subnetsim.replica.components.ExecutionComponent;
import dev.subnetsim.replica.components.IngressComponent;
import dev.subnetsim.replica.components.MessageRoutes;
import dev.subnetsim.replica.components.PresignatureDealingComponent;
import dev.subnetsim.replica.components.QueryComponent;
import dev.subnetsim.replica.components.ReplicaView;
import dev.subnetsim.replica.components.ReshareDealingComponent;
import dev.subnetsim.replica.components.XNetComponent;
import dev.subnetsim.replica.cpu.CpuModel;
import dev.subnetsim.replica.cpu.CpuWork;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.replica.query.QueryRequest;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.wire.PeerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A replica running Internet Computer Consensus, as components in the IC's style (package
 * {@code dev.subnetsim.replica.components}): consensus, ingress, xnet, chain-key signing, reshare
 * and presignature dealing, catch-up and state sync, queries, and execution of finalized blocks.
 * This class only routes: each peer message to the component that owns its kind
 * ({@link MessageRoutes}), each consensus step's results to the components that follow them, and
 * every component's change set through one {@link ChangeSetApplier}.
 */
public final class ConsensusReplicaLogic implements ReplicaLogic {
  private final NodeId self;
  private final ConsensusConfig config;
  private final List<NodeId> peers;
  private final ConsensusComponent consensus;
  private final IngressComponent ingress;
  private final XNetComponent xnet;
  private final QueryComponent queries;
  private final CatchUpComponent catchUp;
  private final ExecutionComponent execution;
  private final MessageRoutes routes;
  /** This replica's view of its subnet's crypto: shared caches, its own count of work. */
  private final ConsensusCrypto crypto;
  /** The work of the step in progress, other than consensus crypto (counted by {@link #crypto}). */
  private final CpuWork work = new CpuWork();
  private CpuModel cpu = CpuModel.NONE;
  private ReplicatedState state;
  private long pendingTimerAt = Long.MAX_VALUE;
  private long nextTimerId;

  public ConsensusReplicaLogic(NodeId self, ConsensusConfig config, NodeSecrets secrets,
      ConsensusCrypto subnetCrypto, Set<ByzantineBehaviour> behaviours, DurableStore store,
      SubnetExecution subnet, int incarnation) {
    this(self, config, secrets, subnetCrypto, behaviours, store, subnet, incarnation, null);
  }

  /** @param encryptionKey this node's own secret encryption key (null off a reshare target) */
  public ConsensusReplicaLogic(NodeId self, ConsensusConfig config, NodeSecrets secrets,
      ConsensusCrypto subnetCrypto, Set<ByzantineBehaviour> behaviours, DurableStore store,
      SubnetExecution subnet, int incarnation, NodeEncryptionKey encryptionKey) {
    this.self = self;
    this.crypto = subnetCrypto.forReplica();
    this.config = config;
    this.state = subnet.genesisState();
    this.peers = config.committee().stream().filter(p -> !p.equals(self)).toList();
    int index = config.indexOf(self);
    List<NodeId> committee = config.committee();
    ChangeSetDecorator sending = ChangeSetDecorator.sending(behaviours);
    ChainKeyParts parts = new ChainKeyParts(self, index, committee.size(), incarnation, subnet,
        behaviours, encryptionKey, work);
    var signing = new ChainKeySigningComponent(committee, config.subnet().toString(),
        parts.genesisWorker().orElse(null), ChangeSetDecorator.chainKeyShares(behaviours),
        sending);
    var presignatures = new PresignatureDealingComponent(committee, subnet.sharesOf(index)
        .flatMap(shares -> parts.presignatureDealer(shares, state)).orElse(null), sending, work);
    var reshares = new ReshareDealingComponent(committee, parts.reshareDealer().orElse(null),
        sending, work);
    this.consensus = new ConsensusComponent(config, self, secrets, this.crypto, behaviours);
    this.ingress = new IngressComponent(config.subnet(), subnet.load(),
        () -> subnet.registry().rootKeyDer());
    this.xnet = new XNetComponent(config.subnet().name(), subnet.routing(),
        subnet.sliceVerifier(), subnet::members);
    this.queries = new QueryComponent(config.subnet(), subnet, index, sending);
    this.catchUp = new CatchUpComponent(config, this.crypto, store, subnet);
    this.execution = new ExecutionComponent(config, subnet,
        behaviours.contains(ByzantineBehaviour.DIVERGENT_EXECUTION), xnet, catchUp, parts,
        signing, presignatures, reshares, work);
    this.routes = MessageRoutes.builder()
        .members(config.subnet().toString(), committee)
        .sharing(subnet.decodes())
        .consensus(consensus::onMessage, ConsensusComponent::malformed)
        .route(MessageKind.INGRESS, PeerMessage.Ingress.class, ingress::onRelayed,
            IngressComponent::malformed)
        .route(MessageKind.XNET_SLICE, PeerMessage.XNetSlice.class, xnet::onSlice,
            XNetComponent::malformed)
        .route(MessageKind.CHAINKEY_SHARE, PeerMessage.ChainKeyShare.class, signing::onShare,
            ChainKeySigningComponent::malformed)
        .route(MessageKind.RESHARE_DEALING, PeerMessage.ReshareDealing.class,
            reshares::onDealing, ReshareDealingComponent::malformed)
        .route(MessageKind.PRESIGNATURE_DEALING, PeerMessage.PresignatureDealing.class,
            presignatures::onDealing, PresignatureDealingComponent::malformed)
        .route(MessageKind.DELEGATION_REQUEST, PeerMessage.DelegationRequest.class,
            queries::onDelegationRequest)
        .route(MessageKind.DELEGATION, PeerMessage.Delegation.class, queries::onDelegation,
            QueryComponent::malformed)
        .build();
  }

  /**
   * Makes this replica's consensus node an {@code arbitrary} liar by {@code plan} (now and after
   * every restart or adopted CUP); only for a node with {@link ByzantineBehaviour#ARBITRARY}.
   */
  public ConsensusReplicaLogic withAdversary(AdversaryPlan plan) {
    consensus.withAdversary(plan);
    return this;
  }

  /**
   * Prices this replica's work with {@code model}: each step's outputs leave when its virtual CPU
   * is done (default {@link CpuModel#NONE}: crypto and execution take no virtual time).
   */
  public ConsensusReplicaLogic withCpu(CpuModel model) {
    this.cpu = model;
    return this;
  }

  public ConsensusNode consensus() {
    return consensus.node();
  }

  /** This replica's own shares of reshared chain keys, once it holds them (for checkers). */
  public Optional<NodeChainKeyShares> resharedShares() {
    return execution.reshared();
  }

  public ReplicatedState state() {
    return state;
  }

  /** This replica's latest certified state for reading (read_state); between steps only. */
  public java.util.Optional<QueryComponent.CertifiedRead> certifiedRead() {
    return queries.certifiedRead();
  }

  @Override
  public StepOutput step(long now, List<InboundEvent> events) {
    StepOutput.Builder out = StepOutput.builder(self, peers);
    ChangeSetApplier applier = new ChangeSetApplier(out);
    List<Input> inputs = new ArrayList<>();
    for (InboundEvent e : events) {
      if (e instanceof InboundEvent.Start s) {
        start(s, applier);
      } else if (e instanceof InboundEvent.IngressSubmitted i) {
        byte[] message = i.message().toArray();
        if (QueryRequest.isQuery(message)) {
          applier.apply(queries.submit(message, now, state));
        } else {
          inputs.addAll(applier.apply(ingress.submitted(message, now)));
        }
      } else if (e instanceof InboundEvent.MessageDelivered d) {
        Envelope env = d.envelope();
        inputs.addAll(PeerInputFailure.attributed(env.from(), env.kind(),
            () -> applier.apply(routes.deliver(env, new ReplicaView(now, state)))));
      }
    }
    StepResult r = consensus.node().step(now, inputs);
    for (int guard = 0; guard < 16; guard++) {
      List<Input> executed = handle(r, now, applier);
      if (executed.isEmpty()) {
        break;
      }
      r = consensus.node().step(now, executed);
    }
    if (r.wakeAtNanos() < Long.MAX_VALUE && (r.wakeAtNanos() < pendingTimerAt
        || pendingTimerAt <= now)) {
      pendingTimerAt = r.wakeAtNanos();
      out.timer(pendingTimerAt, nextTimerId++);
    }
    applier.apply(queries.answerWaiting(state));
    ConsensusNode node = consensus.node();
    out.observe(new Observation.Metric("ingress_pool/" + config.subnet(), node.ingressPoolSize()));
    out.observe(new Observation.Metric("notarized_height/" + config.subnet(),
        node.notarizedHeight()));
    long cpuNanos = cpu.nanos(work.addAll(crypto.work().drain()).drain());
    if (cpuNanos > 0) {
      out.chargeCpu(cpuNanos);
    }
    return out.build();
  }

  /** After a restart: resume from the checkpoint on disk and ask peers for newer ones. */
  private void start(InboundEvent.Start s, ChangeSetApplier applier) {
    if (!s.isRestart()) {
      return;
    }
    catchUp.resume().ifPresent(checkpoint -> {
      consensus.resume(consensus.nodeFrom(checkpoint.cup()));
      state = ReplicatedState.decode(checkpoint.state());
    });
    applier.apply(catchUp.askPeers(consensus.node().finalizedHeight()));
  }

  /** Routes one consensus step's results; returns the inputs for the next step. */
  private List<Input> handle(StepResult r, long now, ChangeSetApplier applier) {
    applier.apply(consensus.effects(r));
    for (Certification c : r.certified()) {
      applier.apply(queries.onCertified(c, xnet.tree(c.height())));
      applier.apply(xnet.onCertified(c, state));
    }
    applier.apply(consensus.equivocations(r));
    List<Input> executed = new ArrayList<>(applier.applyAll(
        execution.execute(r.finalized(), state, now)));
    for (ConsensusNode.ReceivedCatchUp c : r.catchUpResponses()) {
      executed.addAll(PeerInputFailure.attributed(c.from(), c.response().kind(),
          () -> caughtUp(c, now, applier)));
    }
    for (NodeId requester : r.catchUpRequesters()) {
      applier.apply(catchUp.respond(requester, consensus.node()));
    }
    catchUp.saveCheckpoint(consensus.node().latestCup());
    return executed;
  }

  /** A peer's catch-up response: its CUP adopted if good, then the chain after it executed. */
  private List<Input> caughtUp(ConsensusNode.ReceivedCatchUp c, long now,
      ChangeSetApplier applier) {
    CatchUpComponent.Outcome o = catchUp.adopt(c.from(), c.response(), state, consensus::nodeFrom);
    o.adopted().ifPresent(a -> {
      consensus.resume(a.node());
      state = a.state();
    });
    applier.apply(o.changes());
    if (o.refused()) {
      return List.of();
    }
    ConsensusNode.IngestedChain chain = consensus.node().ingestFinalizedChain(c.from(),
        c.response().blocks(), c.response().finalizations(), c.response().beacons());
    applier.apply(catchUp.chainRejections(chain));
    return applier.applyAll(execution.execute(chain.finalized(), state, now));
  }
}
