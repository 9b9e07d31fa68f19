package dev.subnetsim.scenarios.toy;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Deliberately nondeterministic: every ping carries the value of a counter shared by all replicas
 * (and by successive runs), the kind of leak a static field or a shared cache introduces. Its
 * runs must NOT replay; the determinism check has to notice.
 */
public final class LeakyCounterToyLogic extends GossipToyLogic {
  private final AtomicLong shared;

  public LeakyCounterToyLogic(NodeId self, SubnetId subnet, List<NodeId> members,
      RandomGenerator rng, int k, long periodNanos, AtomicLong shared) {
    super(self, subnet, members, rng, k, periodNanos);
    this.shared = shared;
  }

  @Override
  protected byte[] pingPayload() {
    byte[] base = super.pingPayload();
    return ByteBuffer.allocate(base.length + 8).put(base).putLong(shared.getAndIncrement()).array();
  }
}
