package dev.subnetsim.consensus.crypto;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts the cryptographic operations a subnet's replicas actually perform (verifications answered
 * by the shared cache are counted as cache hits, not as operations), so a benchmark can price a run
 * with measured unit costs: its crypto floor. Counting never influences the run.
 */
public final class CryptoOpCounter {
  /** The operation kinds of consensus crypto. */
  public enum Op {
    SIGN_THRESHOLD_SHARE, SIGN_INDIVIDUAL, VERIFY_THRESHOLD_SHARE, VERIFY_INDIVIDUAL,
    COMBINE_THRESHOLD, AGGREGATE_MULTISIG, VERIFY_THRESHOLD, VERIFY_MULTISIG, CACHE_HIT,
    /** A share decided within a batch of shares on one message (one per share). */
    VERIFY_SHARE_BATCHED
  }

  private final AtomicLongArray counts = new AtomicLongArray(Op.values().length);

  void add(Op op) {
    counts.incrementAndGet(op.ordinal());
  }

  public long count(Op op) {
    return counts.get(op.ordinal());
  }

  public Map<Op, Long> snapshot() {
    Map<Op, Long> m = new EnumMap<>(Op.class);
    for (Op op : Op.values()) {
      m.put(op, count(op));
    }
    return m;
  }
}
