package dev.subnetsim.consensus;

import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.dkg.SubnetDkg;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.pool.IngressPool;
import dev.subnetsim.consensus.roles.Changes;
import java.util.ArrayList;
import java.util.List;

/**
 * Finalizes the chain up to each known finalization once all its blocks are present, and the
 * block the fast path finalized after the tip (fast-icc): each block goes through the DKG (whose
 * blames are attributed), the pool and the ingress pool, in height order.
 */
final class ChainFinalizer {
  private final ConsensusConfig config;
  private final ConsensusPool pool;
  private final SubnetDkg dkg;
  private final IngressPool ingress;

  ChainFinalizer(ConsensusConfig config, ConsensusPool pool, SubnetDkg dkg, IngressPool ingress) {
    this.config = config;
    this.pool = pool;
    this.dkg = dkg;
    this.ingress = ingress;
  }

  void apply(Changes changes) {
    // The fast path finalizes only the block after the tip (its parent must be final).
    Bytes fast;
    while ((fast = pool.fastFinalized.get(pool.finalizedHeight + 1)) != null) {
      Block b = pool.block(pool.finalizedHeight + 1, fast.toArray()).orElse(null);
      if (b == null || !Bytes.of(b.parentHash()).equals(pool.finalizedHash)) {
        break;
      }
      finalize(b, changes);
    }
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
      if (!Bytes.of(hash).equals(pool.finalizedHash)) {
        return; // conflicts with what we finalized: cannot happen while f < n/3
      }
      for (Block b : chain) {
        finalize(b, changes);
      }
    }
  }

  private void finalize(Block b, Changes changes) {
    dkg.onFinalized(b);
    for (SubnetDkg.Blame blame : dkg.drainBlames()) {
      changes.rejections.add(new Rejection(config.committee().get(blame.node()),
          blame.reason()));
    }
    pool.finalizedBlocks.put(b.height(), b);
    pool.finalizedHeight = b.height();
    pool.finalizedHash = b.id();
    ingress.finalized(b);
    changes.finalized.add(b);
  }
}
