package dev.subnetsim.replica.cpu;

import dev.subnetsim.consensus.crypto.CryptoWork;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The operations one replica performed in a step, to be priced by its {@link CpuModel}. Owned by
 * one replica, which steps on one thread at a time.
 */
public final class CpuWork {
  private final EnumMap<CpuOp, Long> counts = new EnumMap<>(CpuOp.class);

  public CpuWork add(CpuOp op, long times) {
    if (times < 0) {
      throw new IllegalArgumentException("negative count " + times + " of " + op);
    }
    if (times > 0) {
      counts.merge(op, times, Math::addExact);
    }
    return this;
  }

  public CpuWork add(CpuOp op) {
    return add(op, 1);
  }

  /** Adds {@code op} if present (a chain-key method without threshold work adds nothing). */
  public CpuWork add(Optional<CpuOp> op, long times) {
    op.ifPresent(o -> add(o, times));
    return this;
  }

  /** Adds consensus crypto work. */
  public CpuWork addAll(Map<CryptoWork.Op, Long> consensus) {
    consensus.forEach((op, n) -> add(CpuOp.of(op), n));
    return this;
  }

  /** The counts so far (in operation order), and none from now on. */
  public Map<CpuOp, Long> drain() {
    Map<CpuOp, Long> out = new EnumMap<>(counts);
    counts.clear();
    return out;
  }
}
