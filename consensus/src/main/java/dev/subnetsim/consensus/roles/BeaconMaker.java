package dev.subnetsim.consensus.roles;

import dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare;
import dev.subnetsim.consensus.crypto.SignedMessages;
import dev.subnetsim.consensus.dkg.EpochKeys;
import dev.subnetsim.consensus.pool.ConsensusPool;
import java.util.TreeMap;

/**
 * Random beacon maker: once height h-1 is notarized and its beacon known, sign a low-threshold
 * share of beacon(h) over the hash of beacon(h-1).
 */
public final class BeaconMaker implements Role {
  private final NodeContext node;

  public BeaconMaker(NodeContext node) {
    this.node = node;
  }

  @Override
  public void onStateChange(ConsensusPool pool, long now, Changes changes) {
    long h = pool.notarizedHeight() + 1;
    byte[] previous = pool.beacons.get(h - 1);
    if (previous == null || pool.beacons.containsKey(h) || pool.myBeaconShares.contains(h)) {
      return;
    }
    // The interval's sharing; unknown until the interval two back is finalized: wait.
    EpochKeys keys = node.dkg().keys(h).orElse(null);
    if (keys == null || keys.myBeaconShare() == null) {
      return;
    }
    byte[] message = SignedMessages.beaconMessage(h, ConsensusPool.sha256(previous));
    byte[] share = node.crypto().signBeaconShare(node.index(), keys.myBeaconShare(), message);
    pool.myBeaconShares.add(h);
    pool.beaconShares.computeIfAbsent(h, k -> new TreeMap<>()).put(node.index(), share);
    changes.broadcast(new BeaconShare(h, node.index(), share));
  }
}
