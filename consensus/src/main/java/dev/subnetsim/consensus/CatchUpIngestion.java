package dev.subnetsim.consensus;

import dev.subnetsim.consensus.ConsensusNode.IngestedChain;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Finalization;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.roles.Changes;
import dev.subnetsim.consensus.types.NodeId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Adopts the finalized chain of a catch-up response (whose CUP the caller verified): blocks after
 * the finalized height whose finalizations verify are finalized in order; beacons and
 * finalizations that fail validation are rejected and attributed to the peer that sent them.
 */
final class CatchUpIngestion {
  private final ConsensusPool pool;
  private final PendingArtifacts artifacts;
  private final ChainFinalizer finalizer;

  CatchUpIngestion(ConsensusPool pool, PendingArtifacts artifacts, ChainFinalizer finalizer) {
    this.pool = pool;
    this.artifacts = artifacts;
    this.finalizer = finalizer;
  }

  IngestedChain ingest(NodeId from, List<Block> blocks, List<Finalization> finalizations,
      List<ConsensusMessage.Beacon> beacons) {
    int max = ConsensusNode.MAX_CATCH_UP_BLOCKS;
    Changes changes = new Changes();
    // One finalization at a time, each applied before the next is validated, so the lookahead
    // window moves with the chain however long it is; blocks are kept only up to a finalization
    // within the window (the rest could never be finalized by this response).
    TreeMap<Long, List<Block>> byHeight = new TreeMap<>();
    for (Block b : blocks.subList(0, Math.min(blocks.size(), max))) {
      byHeight.computeIfAbsent(b.height(), k -> new ArrayList<>()).add(b);
    }
    List<Finalization> ordered = new ArrayList<>(finalizations.subList(0,
        Math.min(finalizations.size(), max)));
    ordered.sort(Comparator.comparingLong(Finalization::height));
    for (Finalization f : ordered) {
      if (f.height() <= pool.finalizedHeight) {
        continue;
      }
      if (!pool.withinLookahead(f.height())) {
        break;
      }
      byHeight.subMap(pool.finalizedHeight, false, f.height(), true).forEach((h, atHeight) -> {
        for (Block b : atHeight) {
          pool.catchUpBlocks.computeIfAbsent(h, k -> new TreeMap<>())
              .putIfAbsent(b.id(), b);
        }
      });
      artifacts.validate(from, f, changes);
      finalizer.apply(changes);
    }
    for (ConsensusMessage.Beacon b : beacons.subList(0, Math.min(beacons.size(), max))) {
      // Each verifies against the previous one, in height order.
      artifacts.validate(from, b, changes);
    }
    return new IngestedChain(List.copyOf(changes.finalized), List.copyOf(changes.rejections));
  }
}
