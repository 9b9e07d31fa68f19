package dev.subnetsim.consensus.roles;

import dev.subnetsim.consensus.pool.ConsensusPool;

/**
 * Purger: drops artifacts of heights well below the finalized height, keeping everything from the
 * latest CUP on (catch-up responses need the finalized chain after it).
 */
public final class Purger implements Role {
  /** Heights kept below the finalized height for slow peers. */
  static final long KEEP = 20;

  @Override
  public void onStateChange(ConsensusPool pool, long now, Changes changes) {
    long below = Math.min(pool.finalizedHeight - KEEP, pool.latestCup.height());
    if (below > 0) {
      pool.purgeBelow(below);
      pool.finalizedBlocks.headMap(pool.latestCup.height()).clear();
    }
  }
}
