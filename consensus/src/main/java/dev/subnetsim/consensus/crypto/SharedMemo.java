package dev.subnetsim.consensus.crypto;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Pure, deterministic computations shared by the replicas using one {@link ConsensusCrypto} (public
 * key shares, a DKG transcript every honest replica builds from the same finalized dealings), each
 * computed once while held: unlike {@link GenerationalCache}, a replica asking for a result being
 * computed waits for it instead of computing it again (these take tens of milliseconds). Bounded
 * the same way: two generations of at most half of {@link #CAPACITY} each, the older dropped whole
 * when the younger fills; an evicted result is only recomputed. Null results are allowed.
 */
final class SharedMemo {
  static final int CAPACITY = 256;

  private final Object lock = new Object();
  private ConcurrentHashMap<String, Optional<Object>> young = new ConcurrentHashMap<>();
  private ConcurrentHashMap<String, Optional<Object>> old = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  <T> T get(String key, Supplier<T> compute) {
    ConcurrentHashMap<String, Optional<Object>> current;
    synchronized (lock) {
      Optional<Object> held = old.remove(key);
      if (held != null) {
        young.putIfAbsent(key, held);
      }
      current = young;
    }
    // Outside the lock: one computation per key, others asking for it wait for it.
    Optional<Object> value = current.computeIfAbsent(key, k -> Optional.ofNullable(compute.get()));
    synchronized (lock) {
      if (young.size() >= CAPACITY / 2) {
        old = young;
        young = new ConcurrentHashMap<>();
      }
    }
    return (T) value.orElse(null);
  }

  /**
   * Results held now: at most {@link #CAPACITY}, plus one per thread whose computation finished
   * while another rotated the generations.
   */
  int size() {
    synchronized (lock) {
      return young.size() + old.size();
    }
  }
}
