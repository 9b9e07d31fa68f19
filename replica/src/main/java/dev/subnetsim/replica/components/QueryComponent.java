package dev.subnetsim.replica.components;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.chainkey.certification.CertificateDelegation;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.chainkey.certification.HashTree;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import dev.subnetsim.replica.MetricKey;
import dev.subnetsim.replica.Observation;
import dev.subnetsim.replica.consensus.SubnetExecution;
import dev.subnetsim.replica.query.CertifiedState;
import dev.subnetsim.replica.query.QueryService;
import dev.subnetsim.replica.query.RootDelegation;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.wire.MalformedPeerMessageException;
import dev.subnetsim.replica.wire.PeerMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Users' queries and the root delegation: owns the {@link MessageKind#DELEGATION_REQUEST} and
 * {@link MessageKind#DELEGATION} kinds. It tracks the latest height whose certification matches our
 * own state tree, runs waiting queries on that state (off the root, once the root's delegation is
 * held), asks root nodes for the delegation and, on the root, answers others' requests through
 * {@code sending} (withholding).
 */
public final class QueryComponent {
  private final SubnetId subnet;
  private final SubnetExecution execution;
  private final ChangeSetDecorator sending;
  private final QueryService queries = new QueryService();
  /** On a non-root subnet: the root's delegation for our certificates (null on the root). */
  private final RootDelegation delegation;
  /** The latest height whose certification matches our own state tree. */
  private CertifiedState lastCertified;

  /** @param index this replica's committee index (the root node it asks first) */
  public QueryComponent(SubnetId subnet, SubnetExecution execution, int index,
      ChangeSetDecorator sending) {
    this.subnet = subnet;
    this.execution = execution;
    this.sending = sending;
    var registry = execution.registry();
    this.delegation = registry.isRoot(subnet.name()) ? null : registry.entry(subnet.name())
        .map(mine -> new RootDelegation(mine, registry,
            execution.members().getOrDefault(registry.root(), List.of()),
            execution.certificationCheck(), index)).orElse(null);
  }

  /**
   * The latest height whose certification matches our own state, with the root's delegation to
   * attach off the root subnet; empty before the first such certification, or off the root while
   * the delegation is not held yet (a certificate without it would not verify). For readers
   * outside the replica (read_state), between driver steps only.
   */
  public Optional<CertifiedRead> certifiedRead() {
    if (lastCertified == null || (delegation != null && delegation.held().isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new CertifiedRead(lastCertified,
        delegation == null ? Optional.empty() : delegation.held()));
  }

  /** A certified state and the delegation its certificates carry (empty on the root). */
  public record CertifiedRead(CertifiedState state, Optional<CertificateDelegation> delegation) {}

  /** A user's query: answered at once if it is malformed or refused, else kept for later. */
  public ChangeSet submit(byte[] message, long now, ReplicatedState state) {
    return queries.submit(message, now, state.height(), execution.registry().rootKeyDer())
        .map(this::answered)
        .orElse(ChangeSet.EMPTY);
  }

  /**
   * The subnet certified a height: kept if it is our own state there (a divergence of ours is
   * reported), then the root's delegation is asked for if we lack it.
   */
  public ChangeSet onCertified(Certification c, Optional<HashTree> mine) {
    ChangeSet.Builder b = ChangeSet.builder();
    b.observe(new Observation.StateCertified(subnet, c.height(), Bytes.of(c.stateRoot())));
    if (mine.isPresent() && !Arrays.equals(mine.get().digest(), c.stateRoot())) {
      // The subnet certified another state than ours at this height: our execution diverged
      // (the IC replica halts here; we keep running and report it).
      b.observe(new Observation.Metric(MetricKey.STATE_DIVERGENCE.of(subnet), c.height()));
    } else if (mine.isPresent() && (lastCertified == null
        || c.height() > lastCertified.height())) {
      lastCertified = new CertifiedState(c.height(), mine.get(), c.signature());
      if (delegation != null && delegation.held().isEmpty()) {
        delegation.nextTarget().ifPresent(root -> b.send(root, MessageKind.DELEGATION_REQUEST,
            new byte[0]));
      }
    }
    return b.build();
  }

  /**
   * Runs the waiting queries once the state we executed is the one the subnet certified last
   * (and, off the root subnet, once we hold the root's delegation).
   */
  public ChangeSet answerWaiting(ReplicatedState state) {
    if (!queries.hasPending() || lastCertified == null
        || lastCertified.height() != state.height()
        || (delegation != null && delegation.held().isEmpty())) {
      return ChangeSet.EMPTY;
    }
    ChangeSet.Builder b = ChangeSet.builder();
    for (QueryService.Answer a : queries.answer(state, lastCertified,
        delegation == null ? Optional.empty() : delegation.held(), execution)) {
      b.observe(observation(a));
    }
    return b.build();
  }

  /** On the root subnet: another subnet's node asks for its delegation. */
  public ChangeSet onDelegationRequest(NodeId from, PeerMessage.DelegationRequest message,
      ReplicaView view) {
    var registry = execution.registry();
    if (!registry.isRoot(subnet.name()) || lastCertified == null) {
      return ChangeSet.EMPTY;
    }
    ChangeSet.Builder b = ChangeSet.builder();
    execution.members().entrySet().stream().filter(e -> e.getValue().contains(from))
        .map(e -> registry.entry(e.getKey())).flatMap(Optional::stream).findFirst()
        .ifPresent(entry -> b.send(from, MessageKind.DELEGATION,
            RootDelegation.issue(lastCertified, entry)));
    return sending.apply(b.build());
  }

  /** Why a body sent as a delegation is refused when it does not decode to one (the routes ask). */
  public static String malformed(MalformedPeerMessageException e) {
    return RootDelegation.malformed(e.getCause() == null ? e.getMessage()
        : e.getCause().getMessage());
  }

  /** A root node's delegation: kept if valid, else refused and attributed to it. */
  public ChangeSet onDelegation(NodeId from, PeerMessage.Delegation message, ReplicaView view) {
    if (delegation == null) {
      return ChangeSet.EMPTY;
    }
    String refused = delegation.accept(message.certificate());
    return refused == null ? ChangeSet.EMPTY : ChangeSet.rejecting(from, refused);
  }

  private ChangeSet answered(QueryService.Answer a) {
    return ChangeSet.observing(observation(a));
  }

  private Observation observation(QueryService.Answer a) {
    return new Observation.QueryAnswered(subnet, a.height(), Bytes.of(a.requestId()),
        a.replied(), Bytes.of(a.reply()), a.rejectMessage(), Bytes.of(a.certificate()));
  }
}
