package dev.subnetsim.replica.state;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Values the simulated replicas share while any of them holds one: held weakly, so a value no
 * replica keeps any more is forgotten by the garbage collector, and safe for replicas stepped on
 * several threads. What a caller gets never depends on timing as long as every value offered under
 * one key is equal to the others (the callers key by a digest of the content).
 */
public final class WeakValues<K, V> {
  /** A weakly held value, knowing its key so a cleared entry can be dropped. */
  private static final class Held<K, V> extends WeakReference<V> {
    final K key;

    Held(V value, K key, ReferenceQueue<V> queue) {
      super(value, queue);
      this.key = key;
    }
  }

  private final ConcurrentHashMap<K, Held<K, V>> held = new ConcurrentHashMap<>();
  private final ReferenceQueue<V> cleared = new ReferenceQueue<>();

  /** The value held under {@code key}, or null. */
  public V get(K key) {
    dropCleared();
    Held<K, V> h = held.get(key);
    return h == null ? null : h.get();
  }

  /**
   * The value held under {@code key} if there is one and {@code same} says it stands for {@code
   * candidate}; else {@code candidate}, now held under {@code key}.
   */
  public V share(K key, V candidate, BiPredicate<V, V> same) {
    dropCleared();
    Object[] out = {candidate};
    held.compute(key, (k, h) -> {
      V existing = h == null ? null : h.get();
      if (existing != null && same.test(existing, candidate)) {
        out[0] = existing;
        return h;
      }
      return new Held<>(candidate, k, cleared);
    });
    @SuppressWarnings("unchecked")
    V shared = (V) out[0];
    return shared;
  }

  /** Keys held (live or not yet dropped). */
  public int size() {
    dropCleared();
    return held.size();
  }

  private void dropCleared() {
    for (var r = cleared.poll(); r != null; r = cleared.poll()) {
      @SuppressWarnings("unchecked")
      Held<K, V> h = (Held<K, V>) r;
      held.remove(h.key, h);
    }
  }
}
