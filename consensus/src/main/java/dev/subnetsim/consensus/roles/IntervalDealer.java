package dev.subnetsim.consensus.roles;

import dev.subnetsim.consensus.artifacts.ConsensusMessage.DkgItemMessage;
import dev.subnetsim.consensus.dkg.DkgItem;
import dev.subnetsim.consensus.pool.ConsensusPool;

/**
 * DKG dealer: once the round's height is in a new DKG interval, deal this replica's resharings of
 * the beacon and certification keys for the interval after next and gossip them
 * ({@link dev.subnetsim.consensus.dkg.SubnetDkg#maybeDeal}); gossip the complaints this replica's
 * complaint round produced.
 */
public final class IntervalDealer implements Role {
  private final NodeContext node;

  public IntervalDealer(NodeContext node) {
    this.node = node;
  }

  @Override
  public void onStateChange(ConsensusPool pool, long now, Changes changes) {
    long h = pool.notarizedHeight() + 1;
    for (DkgItem item : node.dkg().maybeDeal(h)) {
      changes.broadcast(new DkgItemMessage(h, item.encode()));
    }
    for (DkgItem item : node.dkg().drainGossip()) {
      changes.broadcast(new DkgItemMessage(h, item.encode()));
    }
  }
}
