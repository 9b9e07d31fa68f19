package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.chainkey.reshare.ReshareDealer;
import dev.subnetsim.replica.cpu.CpuOp;
import dev.subnetsim.replica.cpu.CpuWork;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.wire.MalformedPeerMessageException;
import dev.subnetsim.replica.wire.PeerMessage;
import java.util.List;

/**
 * A reshare source replica's dealing ({@link ReshareDealer}): owns the
 * {@link MessageKind#RESHARE_DEALING} kind, attributes refused dealings to the peer that sent
 * them, gossips its own dealings through {@code sending} (withholding) and moves dealings in and
 * out of the ingress pool.
 */
public final class ReshareDealingComponent {
  private final List<NodeId> committee;
  private final ReshareDealer dealer;
  private final ChangeSetDecorator sending;
  /** This replica's work: dealings it makes and checks, per receiver. */
  private final CpuWork work;

  /** @param dealer null on a replica that deals no reshare */
  public ReshareDealingComponent(List<NodeId> committee, ReshareDealer dealer,
      ChangeSetDecorator sending, CpuWork work) {
    this.committee = List.copyOf(committee);
    this.work = work;
    this.dealer = dealer;
    this.sending = sending;
  }

  /** Why a body sent as a dealing is refused when it does not decode to one (the routes ask). */
  public static String malformed(MalformedPeerMessageException e) {
    return ReshareDealer.malformed(e.wrongItem().isPresent() ? null : e.getCause().getMessage());
  }

  public ChangeSet onDealing(NodeId from, PeerMessage.ReshareDealing message, ReplicaView view) {
    int sender = committee.indexOf(from);
    if (dealer == null || sender < 0) {
      return ChangeSet.EMPTY;
    }
    work.add(CpuOp.IDKG_VERIFY_DEALING_PER_RECEIVER, committee.size());
    return changes(from, dealer.onDealing(view.state(), sender, message.item(), message.body()));
  }

  /** After a block: deal reshares that have started, withdraw what the state recorded. */
  public ChangeSet afterExecution(ReplicatedState state) {
    return dealer == null ? ChangeSet.EMPTY : changes(null, dealer.afterExecution(state));
  }

  private ChangeSet changes(NodeId from, ReshareDealer.Effects effects) {
    ChangeSet.Builder b = ChangeSet.builder();
    work.add(CpuOp.IDKG_DEAL_PER_RECEIVER, (long) effects.broadcast().size() * committee.size());
    effects.broadcast().forEach(item -> b.broadcast(MessageKind.RESHARE_DEALING, item));
    // The dealer only refuses what a peer sent (never its own dealings).
    effects.rejections().forEach(reason -> b.reject(from, reason));
    effects.propose().forEach(b::propose);
    effects.withdraw().forEach(b::withdraw);
    return sending.apply(b.build());
  }
}
