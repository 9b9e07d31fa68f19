package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.byzantine.ByzantineBehaviour;
import java.util.Set;

/**
 * Rewrites a component's honest change set by the replica's Byzantine behaviours (as consensus
 * {@code Misbehaviour} rewrites the consensus node's honest output), so components stay honest.
 */
@FunctionalInterface
public interface ChangeSetDecorator {
  ChangeSet apply(ChangeSet honest);

  ChangeSetDecorator HONEST = honest -> honest;

  /** {@code next} applied to what this one made. */
  default ChangeSetDecorator andThen(ChangeSetDecorator next) {
    return honest -> next.apply(apply(honest));
  }

  /** What a replica with {@code behaviours} sends of its gossip: nothing if it withholds. */
  static ChangeSetDecorator sending(Set<ByzantineBehaviour> behaviours) {
    return behaviours.contains(ByzantineBehaviour.WITHHOLDING) ? new Withholding() : HONEST;
  }

  /** How a replica with {@code behaviours} makes its own chain-key shares. */
  static ChangeSetDecorator chainKeyShares(Set<ByzantineBehaviour> behaviours) {
    return behaviours.contains(ByzantineBehaviour.INVALID_CHAIN_KEY_SHARES)
        ? new InvalidChainKeyShares() : HONEST;
  }
}
