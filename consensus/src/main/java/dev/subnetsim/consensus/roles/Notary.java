package dev.subnetsim.consensus.roles;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Notary: at the round's height, once the notary delay of a rank has passed
 * ({@link dev.subnetsim.consensus.ConsensusConfig#notaryDelayNanos}), sign a notarization share
 * for the lowest-rank valid block(s) whose parent is notarized. A lower-rank block that arrives
 * later is signed too (ICC allows several shares per height; finalization needs exactly one).
 */
public final class Notary implements Role {
  private final NodeContext node;

  public Notary(NodeContext node) {
    this.node = node;
  }

  @Override
  public void onStateChange(ConsensusPool pool, long now, Changes changes) {
    long notarized = pool.notarizedHeight();
    long h = notarized + 1;
    Long start = pool.roundStart.get(h);
    if (start == null) {
      return;
    }
    List<BlockProposal> candidates = pool.candidates(h).stream()
        .filter(p -> pool.isNotarized(h - 1, p.block().parentHash())).toList();
    if (candidates.isEmpty()) {
      return;
    }
    int lowest = candidates.get(0).block().rank();
    long at = start + pool.config().notaryDelayNanos(lowest, notarized, pool.finalizedHeight);
    if (now < at) {
      changes.wakeAt(at);
      return;
    }
    TreeSet<Bytes> signed = pool.myNotarizationShares.computeIfAbsent(h, k -> new TreeSet<>());
    for (BlockProposal p : candidates) {
      if (p.block().rank() != lowest) {
        break;
      }
      byte[] hash = p.block().hash();
      Bytes key = Bytes.of(hash);
      if (signed.add(key)) {
        byte[] sig = node.crypto().signIndividually(node.secrets(),
            SignedMessages.notarizationMessage(h, hash));
        pool.notarizationShares.computeIfAbsent(h, k -> new TreeMap<>())
            .computeIfAbsent(key, k -> new TreeMap<>()).put(node.index(), sig);
        changes.broadcast(new NotarizationShare(h, hash, node.index(), sig));
      }
    }
  }
}
