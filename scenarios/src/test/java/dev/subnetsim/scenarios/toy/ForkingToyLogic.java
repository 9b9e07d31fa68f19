package dev.subnetsim.scenarios.toy;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import java.util.List;
import java.util.random.RandomGenerator;

/** A broken replica that finalizes its own blocks from height {@code forkAt} on (a safety bug). */
public final class ForkingToyLogic extends GossipToyLogic {
  private final NodeId self;
  private final long forkAt;

  public ForkingToyLogic(NodeId self, SubnetId subnet, List<NodeId> members, RandomGenerator rng,
      int k, long periodNanos, long forkAt) {
    super(self, subnet, members, rng, k, periodNanos);
    this.self = self;
    this.forkAt = forkAt;
  }

  @Override
  protected byte[] hash(String what, long h) {
    return h >= forkAt ? super.hash(what + "/fork-by-" + self, h) : super.hash(what, h);
  }
}
