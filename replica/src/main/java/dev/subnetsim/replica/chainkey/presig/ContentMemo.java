package dev.subnetsim.replica.chainkey.presig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded memo of results keyed by the content they were computed from (transcript builds,
 * dealing verdicts): every replica of a subnet computes the same from the same records, so only the
 * first pays. Least recently used entries go first; shared by the replicas' threads, hence locked.
 */
final class ContentMemo<V> {
  private static final int LIMIT = 8192;

  // Looked up only, never iterated for a decision: access order cannot reach a run's output.
  private final Map<String, V> entries = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
      return size() > LIMIT;
    }
  };

  /** The remembered result, or null. */
  synchronized V get(String key) {
    return entries.get(key);
  }

  synchronized void put(String key, V value) {
    entries.put(key, value);
  }
}
