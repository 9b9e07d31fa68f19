package dev.subnetsim.consensus.roles;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Notarization;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.pool.IngressPool;
import java.util.List;
import java.util.TreeMap;

/**
 * Block maker: a replica of rank r at height h proposes {@code r * unit_delay} after the round
 * starts, unless a valid block of lower rank is already known, on top of the lowest-rank notarized
 * block at h-1, with ingress not yet in that chain, the DKG items its chain lacks, and at the first
 * height of a DKG interval the interval's summary (a summary block).
 */
public final class BlockMaker implements Role {
  private final NodeContext node;
  private final IngressPool ingress;

  public BlockMaker(NodeContext node, IngressPool ingress) {
    this.node = node;
    this.ingress = ingress;
  }

  @Override
  public void onStateChange(ConsensusPool pool, long now, Changes changes) {
    long h = pool.notarizedHeight() + 1;
    Long start = pool.roundStart.get(h);
    if (start == null || pool.myProposals.contains(h) || !pool.beacons.containsKey(h)) {
      return;
    }
    int rank = pool.rankOf(h, node.index());
    long at = start + rank * pool.config().unitDelayNanos();
    if (now < at) {
      changes.wakeAt(at);
      return;
    }
    if (pool.candidates(h).stream().anyMatch(p -> p.block().rank() < rank)) {
      return;
    }
    if (node.dkg().isSummaryHeight(h) && node.dkg().keys(h).isEmpty()) {
      return; // a summary block states the interval's sharings: wait until we know them
    }
    byte[] parent = parentHash(pool, h - 1);
    List<byte[]> payload = ingress.select(pool, parent, h - 1, pool.config().maxIngressPerBlock());
    long parentTime = pool.block(h - 1, parent).map(Block::timeNanos).orElse(0L);
    List<byte[]> dkg = node.dkg().payloadFor(h, unfinalizedDkgItems(pool, h - 1, parent));
    Block block = new Block(h, parent, rank, node.index(), Math.max(now, parentTime), payload,
        dkg, node.dkg().summaryFor(h));
    byte[] sig = node.crypto().signIndividually(node.secrets(),
        SignedMessages.proposalMessage(h, block.hash()));
    BlockProposal proposal = new BlockProposal(block, sig);
    pool.myProposals.add(h);
    pool.proposals.computeIfAbsent(h, k -> new TreeMap<>()).put(block.id(),
        proposal);
    changes.broadcast(proposal);
  }

  /** The DKG items of the block {@code hash} at {@code height} and its unfinalized ancestors. */
  private static List<byte[]> unfinalizedDkgItems(ConsensusPool pool, long height, byte[] hash) {
    List<byte[]> items = new java.util.ArrayList<>();
    while (height > pool.finalizedHeight && hash != null) {
      Block b = pool.block(height, hash).orElse(null);
      if (b == null) {
        break;
      }
      items.addAll(b.dkg());
      hash = b.parentHash();
      height--;
    }
    return items;
  }

  /** The lowest-rank notarized block at {@code height}, or the finalized tip. */
  static byte[] parentHash(ConsensusPool pool, long height) {
    if (height == pool.finalizedHeight) {
      return pool.finalizedHash.toArray();
    }
    byte[] best = null;
    int bestRank = Integer.MAX_VALUE;
    for (Notarization n : pool.notarizations.getOrDefault(height, new TreeMap<>()).values()) {
      int rank = pool.block(height, n.blockHash()).map(Block::rank).orElse(Integer.MAX_VALUE - 1);
      if (best == null || rank < bestRank) {
        best = n.blockHash();
        bestRank = rank;
      }
    }
    return best;
  }
}
