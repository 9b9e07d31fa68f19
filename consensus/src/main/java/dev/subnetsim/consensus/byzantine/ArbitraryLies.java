package dev.subnetsim.consensus.byzantine;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.FinalizationShare;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.roles.Changes.Outgoing;
import dev.subnetsim.consensus.roles.NodeContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The typed lies of an {@link ByzantineBehaviour#ARBITRARY} node about consensus artifacts: it
 * holds only its own keys, so it relabels honest artifacts to other heights, and DKG items to other
 * epochs, keys, dealers or receivers ({@link ConsensusRelabels}), signs
 * wrong content validly with its own key, reaches far into the future, replays old artifacts,
 * duplicates, and as a block maker proposes validly signed blocks full of bad payload items.
 * Byte-level garbling (random bytes, truncation, bit flips, oversized bodies) is the replica
 * layer's, which sees every message kind.
 */
final class ArbitraryLies {
  /** A height far past any window a replica should admit. */
  static final long FAR_FUTURE = 1L << 40;
  private static final int REPLAY_MEMORY = 64;

  private final AdversaryPlan plan;
  private final NodeContext node;
  private final ArrayDeque<Outgoing> sent = new ArrayDeque<>();

  ArbitraryLies(AdversaryPlan plan, NodeContext node) {
    this.plan = plan;
    this.node = node;
  }

  List<Outgoing> apply(List<Outgoing> honest) {
    List<Outgoing> out = new ArrayList<>(honest.size());
    for (Outgoing o : honest) {
      if (!plan.strikes(o.message().kind())) {
        out.add(o);
        remember(o);
        continue;
      }
      RandomGenerator r = plan.random();
      if (o.message() instanceof BlockProposal p && p.block().proposer() == node.index()
          && r.nextBoolean()) {
        // Half of its struck proposals carry bad payload items: the maker's chance to inject them.
        out.add(new Outgoing(o.to(), badBlock(p, r)));
        remember(o);
        continue;
      }
      switch (r.nextInt(6)) {
        case 0 -> out.add(new Outgoing(o.to(), relabel(o.message(), r.nextInt(1, 4)
            * (r.nextBoolean() ? 1 : -1), r)));
        case 1 -> out.add(new Outgoing(o.to(), relabel(o.message(), FAR_FUTURE + r.nextInt(1000),
            r)));
        case 2 -> out.add(new Outgoing(o.to(), signedOverWrongContent(o.message(), r)));
        case 3 -> {
          out.add(o);
          out.add(o);
        }
        case 4 -> {
          out.add(o);
          if (!sent.isEmpty()) {
            out.add(sent.stream().skip(r.nextInt(sent.size())).findFirst().orElseThrow());
          }
        }
        default -> out.add(new Outgoing(o.to(), badBlock(o.message(), r)));
      }
      remember(o);
    }
    return out;
  }

  private void remember(Outgoing o) {
    sent.addLast(o);
    if (sent.size() > REPLAY_MEMORY) {
      sent.removeFirst();
    }
  }

  /** The artifact relabelled ({@link ConsensusRelabels}); its own DKG items are re-signed. */
  private ConsensusMessage relabel(ConsensusMessage m, long delta, RandomGenerator r) {
    return ConsensusRelabels.relabel(m, delta, r, node.index(),
        msg -> node.crypto().signIndividually(node.secrets(), msg));
  }

  /**
   * Notarization and finalization shares for a block that does not exist, validly signed with
   * this node's own key (other artifacts go out unchanged: their keys are threshold shares).
   */
  private ConsensusMessage signedOverWrongContent(ConsensusMessage m, RandomGenerator r) {
    byte[] hash = new byte[32];
    r.nextBytes(hash);
    if (m instanceof NotarizationShare s) {
      return new NotarizationShare(s.height(), hash, s.signer(), node.crypto().signIndividually(
          node.secrets(), SignedMessages.notarizationMessage(s.height(), hash)));
    } else if (m instanceof FinalizationShare s) {
      return new FinalizationShare(s.height(), hash, s.signer(), node.crypto().signIndividually(
          node.secrets(), SignedMessages.finalizationMessage(s.height(), hash)));
    }
    return m;
  }

  /** Its own proposal, with bad payload items added, validly signed: execution must refuse them. */
  private ConsensusMessage badBlock(ConsensusMessage m, RandomGenerator r) {
    if (!(m instanceof BlockProposal p) || p.block().proposer() != node.index()) {
      return m;
    }
    Block b = p.block();
    List<byte[]> payload = new ArrayList<>(b.ingress());
    int bad = r.nextInt(1, 4);
    for (int i = 0; i < bad; i++) {
      payload.add(r.nextInt(payload.size() + 1), plan.badPayloadItem().apply(r));
    }
    Block lie = new Block(b.height(), b.parentHash(), b.rank(), b.proposer(), b.timeNanos(),
        payload, b.dkg(), b.dkgSummary());
    return new BlockProposal(lie, node.crypto().signIndividually(node.secrets(),
        SignedMessages.proposalMessage(lie.height(), lie.hash())));
  }
}
