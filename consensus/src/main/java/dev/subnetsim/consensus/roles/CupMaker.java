package dev.subnetsim.consensus.roles;

import dev.subnetsim.chainkey.bytes.Bytes;
import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.CupShare;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.pool.ConsensusPool;
import java.util.TreeMap;

/**
 * CUP maker: at every finalized height divisible by the CUP interval whose state is certified,
 * assemble the catch-up package's content (block hash, beacon, certified state root, the DKG
 * summary as of that height) and sign a share of it with this replica's certification-key share
 * of the height's interval. The {@link ShareAggregator} turns n-f shares on one content into the
 * signed CUP. Every input is a function of the finalized, certified chain, so honest replicas sign
 * the same content.
 */
public final class CupMaker implements Role {
  private final NodeContext node;

  public CupMaker(NodeContext node) {
    this.node = node;
  }

  @Override
  public void onStateChange(ConsensusPool pool, long now, Changes changes) {
    for (Certification c : pool.certifications.values()) {
      long h = c.height();
      if (h % pool.config().cupInterval() != 0 || h <= pool.latestCup.height()
          || pool.unsignedCups.containsKey(h)) {
        continue;
      }
      Block b = pool.finalizedBlocks.get(h);
      byte[] beacon = pool.beacons.get(h);
      byte[] summary = node.dkg().cupSummary(h).orElse(null);
      EpochKeys keys = node.dkg().keys(h).orElse(null);
      if (b == null || beacon == null || summary == null || keys == null
          || keys.myCertificationShare() == null) {
        continue;
      }
      CatchUpPackage content = new CatchUpPackage(h, b.hash(), beacon, c.stateRoot(),
          c.signature(), summary);
      byte[] hash = content.contentHash();
      byte[] share = node.crypto().signCertificationShare(node.index(),
          keys.myCertificationShare(), SignedMessages.cupMessage(h, hash));
      pool.unsignedCups.put(h, new ConsensusPool.UnsignedCup(content, hash));
      pool.cupShares.computeIfAbsent(h, k -> new TreeMap<>())
          .computeIfAbsent(Bytes.of(hash), k -> new TreeMap<>())
          .put(node.index(), share);
      changes.broadcast(new CupShare(h, hash, node.index(), share));
    }
  }
}
