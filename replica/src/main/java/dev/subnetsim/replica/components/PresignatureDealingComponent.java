package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.chainkey.presig.PresignatureDealer;
import dev.subnetsim.replica.cpu.CpuOp;
import dev.subnetsim.replica.cpu.CpuWork;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.wire.MalformedPeerMessageException;
import dev.subnetsim.replica.wire.PeerMessage;
import java.util.List;

/**
 * A signing replica's part in refilling presignatures ({@link PresignatureDealer}): owns the
 * {@link MessageKind#PRESIGNATURE_DEALING} kind, attributes blamed dealings to the node blamed,
 * gossips its own dealings through {@code sending} (withholding) and moves dealings in and out of
 * the pool.
 */
public final class PresignatureDealingComponent {
  private final List<NodeId> committee;
  private final ChangeSetDecorator sending;
  /** This replica's work: dealings it makes and checks, per receiver. */
  private final CpuWork work;
  /** Null off the signing subnet, and on a reshare target until its keys arrive. */
  private PresignatureDealer dealer;

  public PresignatureDealingComponent(List<NodeId> committee, PresignatureDealer dealer,
      ChangeSetDecorator sending, CpuWork work) {
    this.committee = List.copyOf(committee);
    this.work = work;
    this.dealer = dealer;
    this.sending = sending;
  }

  /** The reshared keys arrived (null: this subnet refills no presignatures). */
  public void install(PresignatureDealer arrived) {
    this.dealer = arrived;
  }

  /** Why a body sent as a dealing is refused when it does not decode to one (the routes ask). */
  public static String malformed(MalformedPeerMessageException e) {
    return PresignatureDealer.malformed(e.wrongItem().isPresent() ? null
        : e.getCause().getMessage());
  }

  public ChangeSet onDealing(NodeId from, PeerMessage.PresignatureDealing message,
      ReplicaView view) {
    int sender = committee.indexOf(from);
    if (dealer == null || sender < 0) {
      return ChangeSet.EMPTY;
    }
    work.add(CpuOp.IDKG_VERIFY_DEALING_PER_RECEIVER, committee.size());
    return changes(dealer.onDealing(view.state(), sender, message.item(), message.body()));
  }

  /** After a block: deal what can be dealt, withdraw what is recorded, blame undecryptable ones. */
  public ChangeSet afterExecution(ReplicatedState state) {
    return dealer == null ? ChangeSet.EMPTY : changes(dealer.afterExecution(state));
  }

  private ChangeSet changes(PresignatureDealer.Effects effects) {
    ChangeSet.Builder b = ChangeSet.builder();
    work.add(CpuOp.IDKG_DEAL_PER_RECEIVER, (long) effects.broadcast().size() * committee.size());
    effects.broadcast().forEach(item -> b.broadcast(MessageKind.PRESIGNATURE_DEALING, item));
    effects.rejections().forEach(blame -> b.reject(committee.get(blame.node()), blame.reason()));
    effects.propose().forEach(b::propose);
    effects.withdraw().forEach(b::withdraw);
    return sending.apply(b.build());
  }
}
