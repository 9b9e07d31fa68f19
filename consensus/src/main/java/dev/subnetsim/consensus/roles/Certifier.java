package dev.subnetsim.consensus.roles;

import dev.subnetsim.consensus.artifacts.ConsensusMessage.CertificationShare;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.pool.ConsensusPool;
import java.util.TreeMap;

/**
 * Certifier: for every executed height, sign a high-threshold share over the state root (the IC's
 * state-root message, so the combined signature is a certificate signature).
 */
public final class Certifier implements Role {
  private final NodeContext node;

  public Certifier(NodeContext node) {
    this.node = node;
  }

  @Override
  public void onStateChange(ConsensusPool pool, long now, Changes changes) {
    for (var e : pool.stateRoots.entrySet()) {
      long h = e.getKey();
      if (pool.myCertificationShares.contains(h) || pool.certifications.containsKey(h)) {
        continue;
      }
      EpochKeys keys = node.dkg().keys(h).orElse(null);
      if (keys == null || keys.myCertificationShare() == null) {
        continue;
      }
      byte[] root = e.getValue().toArray();
      byte[] share = node.crypto().signCertificationShare(node.index(),
          keys.myCertificationShare(), SignedMessages.certificationMessage(root));
      pool.myCertificationShares.add(h);
      pool.certificationShares.computeIfAbsent(h, k -> new TreeMap<>())
          .computeIfAbsent(e.getValue(), k -> new TreeMap<>())
          .put(node.index(), share);
      changes.broadcast(new CertificationShare(h, root, node.index(), share));
    }
  }
}
