package dev.subnetsim.consensus.crypto;

import java.util.TreeMap;

/**
 * Results of a pure function of bytes, shared by the replicas of one world and bounded by size in
 * two generations: results go to the young one; when it holds half the capacity it becomes the old
 * one and the previous old one is dropped whole; a hit in the old one moves to the young. A run of
 * any length holds at most {@code capacity} results while the working set (what replicas check
 * within a few rounds) stays. Keyed by strings in a sorted map: eviction has no randomness and no
 * order over hashed keys. Which results are held may depend on thread timing, which only decides
 * whether a result is recomputed, never what it is. Thread-safe; the computation itself runs
 * outside the lock (callers {@link #get} first and {@link #put} what they computed).
 *
 * @param <V> the remembered result (immutable)
 */
public final class GenerationalCache<V> {
  private final int capacity;
  private TreeMap<String, V> young = new TreeMap<>();
  private TreeMap<String, V> old = new TreeMap<>();

  /** A cache holding at most {@code capacity} results (at least 2). */
  public GenerationalCache(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("cache capacity must be >= 2, not " + capacity);
    }
    this.capacity = capacity;
  }

  /** The remembered result for {@code key}, or null. */
  public synchronized V get(String key) {
    V v = young.get(key);
    if (v == null) {
      v = old.remove(key);
      if (v != null) {
        put(key, v);
      }
    }
    return v;
  }

  /** Remembers {@code value} for {@code key} (a result already held is kept). */
  public synchronized void put(String key, V value) {
    young.putIfAbsent(key, value);
    if (young.size() >= capacity / 2) {
      old = young;
      young = new TreeMap<>();
    }
  }

  /** Results held now (at most {@link #capacity()}). */
  public synchronized int size() {
    return young.size() + old.size();
  }

  public int capacity() {
    return capacity;
  }
}
