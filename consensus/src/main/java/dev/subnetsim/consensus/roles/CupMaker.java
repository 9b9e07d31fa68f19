package dev.subnetsim.consensus.roles;

import dev.subnetsim.consensus.artifacts.Block;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.catchup.CatchUpPackage;
import dev.subnetsim.consensus.dkg.SubnetDkg;
import dev.subnetsim.consensus.pool.ConsensusPool;

/**
 * CUP maker: at every finalized height divisible by the CUP interval whose state is certified,
 * make a catch-up package (block hash, beacon, certified state root, DKG summary) for restarts
 * and laggards.
 */
public final class CupMaker implements Role {
  private final SubnetDkg dkg;

  public CupMaker(SubnetDkg dkg) {
    this.dkg = dkg;
  }

  @Override
  public void onStateChange(ConsensusPool pool, long now, Changes changes) {
    for (Certification c : pool.certifications.values()) {
      long h = c.height();
      Block b = pool.finalizedBlocks.get(h);
      byte[] beacon = pool.beacons.get(h);
      if (h % pool.config().cupInterval() != 0 || h <= pool.latestCup.height() || b == null
          || beacon == null) {
        continue;
      }
      pool.latestCup = new CatchUpPackage(h, b.hash(), beacon, c.stateRoot(), c.signature(),
          dkg.summary(h));
    }
  }
}
