package dev.subnetsim.consensus.roles;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.FinalizationShare;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finalizer: a replica that signed notarization shares for exactly one block at height h, once
 * that block is notarized, signs a finalization share for it. n-f such shares finalize the block
 * and its ancestors; two finalized blocks at one height would need an honest replica to have
 * notarized both, which this rule forbids.
 */
public final class Finalizer implements Role {
  private final NodeContext node;

  public Finalizer(NodeContext node) {
    this.node = node;
  }

  @Override
  public void onStateChange(ConsensusPool pool, long now, Changes changes) {
    long notarized = pool.notarizedHeight();
    // Under a variant with a fast path, heights it finalized still get their finalization.
    for (long h = pool.config().protocol().slowPathFloor(pool) + 1; h <= notarized; h++) {
      TreeSet<Bytes> signed = pool.myNotarizationShares.get(h);
      if (pool.myFinalizationShares.contains(h) || signed == null || signed.size() != 1
          || h <= pool.finalizedHeight && pool.finalizations.containsKey(h)) {
        continue;
      }
      byte[] hash = signed.first().toArray();
      if (!pool.isNotarized(h, hash)) {
        continue;
      }
      byte[] sig = node.crypto().signIndividually(node.secrets(),
          SignedMessages.finalizationMessage(h, hash));
      pool.myFinalizationShares.add(h);
      pool.finalizationShares.computeIfAbsent(h, k -> new TreeMap<>())
          .computeIfAbsent(signed.first(), k -> new TreeMap<>()).put(node.index(), sig);
      changes.broadcast(new FinalizationShare(h, hash, node.index(), sig));
    }
  }
}
