package dev.subnetsim.consensus.roles;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.BlockProposal;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.NotarizationShare;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.pool.ConsensusPool;
import dev.subnetsim.consensus.protocol.ConsensusProtocol;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Notary: at the round's height, once the notary delay of a rank has passed
 * ({@link dev.subnetsim.consensus.ConsensusConfig#notaryDelayNanos}), sign a notarization share
 * for the lowest-rank valid block(s) whose parent is notarized. A lower-rank block that arrives
 * later is signed too (ICC allows several shares per height; finalization needs exactly one).
 * The consensus variant may name more blocks to sign ({@code ConsensusProtocol#alsoSign}, once
 * their rank's delay has passed too), and may have the first share at a height carry a vote.
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
    ConsensusProtocol protocol = pool.config().protocol();
    List<Bytes> also = protocol.alsoSign(pool, h);
    for (BlockProposal p : candidates) {
      if (p.block().rank() == lowest || also.contains(p.block().id()) && now >= start
          + pool.config().notaryDelayNanos(p.block().rank(), notarized, pool.finalizedHeight)) {
        sign(pool, h, p.block().hash(), signed, protocol.votes(), changes);
      }
    }
  }

  private void sign(ConsensusPool pool, long h, byte[] hash, TreeSet<Bytes> signed,
      boolean votes, Changes changes) {
    Bytes key = Bytes.of(hash);
    boolean first = signed.isEmpty();
    if (!signed.add(key)) {
      return;
    }
    byte[] sig = node.crypto().signIndividually(node.secrets(),
        SignedMessages.notarizationMessage(h, hash));
    pool.notarizationShares.computeIfAbsent(h, k -> new TreeMap<>())
        .computeIfAbsent(key, k -> new TreeMap<>()).put(node.index(), sig);
    byte[] vote = new byte[0];
    if (votes && first) {
      vote = node.crypto().signIndividually(node.secrets(),
          SignedMessages.fastVoteMessage(h, hash));
      pool.fastVotes.computeIfAbsent(h, k -> new TreeMap<>())
          .computeIfAbsent(key, k -> new TreeMap<>()).put(node.index(), vote);
    }
    changes.broadcast(new NotarizationShare(h, hash, node.index(), sig, vote));
  }
}
