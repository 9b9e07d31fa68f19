package dev.subnetsim.consensus.roles;

import dev.subnetsim.consensus.pool.ConsensusPool;

/**
 * One protocol role in the IC's style: look at the pool at time {@code now}, add the artifacts
 * this replica should create (to the pool and to {@code changes}), and say when to look again.
 */
public interface Role {
  void onStateChange(ConsensusPool pool, long now, Changes changes);
}
