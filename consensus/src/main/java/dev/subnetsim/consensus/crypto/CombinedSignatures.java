package dev.subnetsim.consensus.crypto;

import java.util.Map;

/**
 * Threshold signatures combined once per run for all replicas sharing a {@link ConsensusCrypto}:
 * the replicas of a subnet mostly combine the same shares (the lowest indices that reached the
 * threshold), and combining is a Lagrange interpolation in G1. Keyed by every input (the
 * threshold and each index with its share's bytes), so a hit returns exactly what combining would:
 * sharing changes wall time only, whatever the thread interleaving. Bounded ({@link
 * GenerationalCache} of {@link #CAPACITY}); an evicted result is only combined again. Inputs that
 * fail to combine are not remembered (the exception reaches the caller each time).
 */
final class CombinedSignatures {
  /** A few combinations per height (beacon, certification, CUP) for tens of heights and subnets. */
  static final int CAPACITY = 1 << 12;

  private final GenerationalCache<byte[]> results = new GenerationalCache<>(CAPACITY);

  /**
   * What {@code combine} returns for these inputs, remembered (a hit counted in {@code ops}); a
   * fresh array each time.
   */
  byte[] combine(int threshold, Map<Integer, byte[]> shares, CryptoOpCounter ops,
      java.util.function.Supplier<byte[]> combine) {
    String key = key(threshold, shares);
    byte[] held = results.get(key);
    if (held != null) {
      ops.add(CryptoOpCounter.Op.CACHE_HIT);
    } else {
      held = combine.get(); // outside the lock: replicas combine different shares at once
      results.put(key, held.clone());
    }
    return held.clone();
  }

  int size() {
    return results.size();
  }

  private static String key(int threshold, Map<Integer, byte[]> shares) {
    byte[][] parts = new byte[1 + 2 * shares.size()][];
    parts[0] = intBytes(threshold);
    int k = 1;
    // The caller's map is sorted by index (a TreeMap), but the key must not depend on that.
    for (var e : new java.util.TreeMap<>(shares).entrySet()) {
      parts[k++] = intBytes(e.getKey());
      parts[k++] = e.getValue();
    }
    return VerificationCache.key("combine-threshold", parts);
  }

  private static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }
}
