package dev.subnetsim.scenarios.toy;

import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.consensus.types.SubnetId;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Deliberately nondeterministic: every ping carries a value the logic must not depend on, the
 * kind of leak a static field, a shared cache or a thread-local introduces. Its runs must NOT
 * replay; the determinism check has to notice.
 */
public final class LeakyToyLogic extends GossipToyLogic {
  private final LongSupplier leak;

  public LeakyToyLogic(NodeId self, SubnetId subnet, List<NodeId> members, RandomGenerator rng,
      int k, long periodNanos, LongSupplier leak) {
    super(self, subnet, members, rng, k, periodNanos);
    this.leak = leak;
  }

  /** A counter shared by all replicas and by successive runs. */
  public static LongSupplier sharedCounter(AtomicLong counter) {
    return counter::getAndIncrement;
  }

  /** Which dispatcher thread runs the step (varies with the thread count). */
  public static LongSupplier currentThreadName() {
    return () -> Thread.currentThread().getName().hashCode();
  }

  @Override
  protected byte[] pingPayload() {
    byte[] base = super.pingPayload();
    return ByteBuffer.allocate(base.length + 8).put(base).putLong(leak.getAsLong()).array();
  }
}
