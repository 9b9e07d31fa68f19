package dev.subnetsim.consensus.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.TreeMap;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

/**
 * Results of signature verifications, keyed by a hash of every input (scheme, public key, message,
 * signature). Verification is a pure function, so honest simulated replicas may share one cache:
 * a share broadcast to n replicas is checked once instead of n times. Sharing changes wall time
 * only, never a result, whatever the thread interleaving. Create one per run (never a static).
 *
 * <p>Bounded by size in two generations: results go to the young one; when it holds half the
 * capacity it becomes the old one and the previous old one is dropped whole; a hit in the old one
 * moves to the young. The working set (the shares of the few heights in flight, checked by every
 * replica within a round) stays, and a run of any length holds at most {@code capacity} results.
 * Eviction has no randomness and no order over hashed keys; which results are held may depend on
 * thread timing, which only decides whether a check is recomputed, never its result.
 */
public final class VerificationCache {
  /** Enough for every share of tens of heights on a few subnets of tens of replicas. */
  public static final int DEFAULT_CAPACITY = 1 << 16;

  private final boolean enabled;
  private final int capacity;
  private TreeMap<String, Boolean> young = new TreeMap<>();
  private TreeMap<String, Boolean> old = new TreeMap<>();

  private VerificationCache(boolean enabled, int capacity) {
    this.enabled = enabled;
    this.capacity = capacity;
  }

  public static VerificationCache shared() {
    return new VerificationCache(true, DEFAULT_CAPACITY);
  }

  /** A shared cache holding at most {@code capacity} results (at least 2). */
  public static VerificationCache shared(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("verification cache capacity must be >= 2, not "
          + capacity);
    }
    return new VerificationCache(true, capacity);
  }

  /** No caching: every replica verifies every signature itself. */
  public static VerificationCache disabled() {
    return new VerificationCache(false, 0);
  }

  public boolean verify(String scheme, byte[] publicKey, byte[] message, byte[] signature,
      BooleanSupplier check) {
    if (!enabled) {
      return check.getAsBoolean();
    }
    String key = key(scheme, publicKey, message, signature);
    Boolean cached = lookup(key);
    if (cached != null) {
      return cached;
    }
    boolean result = check.getAsBoolean();
    store(key, result);
    return result;
  }

  /**
   * The verdict held for these inputs, or null (none held, or caching disabled). For callers that
   * decide several verifications together ({@link ShareBatches}).
   */
  Boolean known(String key) {
    return enabled ? lookup(key) : null;
  }

  /** Records a verdict decided elsewhere (exactly what {@link #verify}'s check would return). */
  void record(String key, boolean verdict) {
    if (enabled) {
      store(key, verdict);
    }
  }

  boolean enabled() {
    return enabled;
  }

  private synchronized Boolean lookup(String key) {
    Boolean r = young.get(key);
    if (r == null) {
      r = old.remove(key);
      if (r != null) {
        store(key, r);
      }
    }
    return r;
  }

  private synchronized void store(String key, boolean result) {
    young.putIfAbsent(key, result);
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

  static String key(String scheme, byte[]... parts) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(scheme.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (byte[] p : parts) {
        d.update(new byte[] {(byte) (p.length >>> 24), (byte) (p.length >>> 16),
            (byte) (p.length >>> 8), (byte) p.length});
        d.update(p);
      }
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
