package dev.subnetsim.consensus.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

/**
 * Results of signature verifications, keyed by a hash of every input (scheme, public key, message,
 * signature). Verification is a pure function, so honest simulated replicas may share one cache:
 * a share broadcast to n replicas is checked once instead of n times. Sharing changes wall time
 * only, never a result, whatever the thread interleaving. Create one per run (never a static).
 *
 * <p>Bounded by size in two generations ({@link GenerationalCache}): the working set (the shares
 * of the few heights in flight, checked by every replica within a round) stays, and a run of any
 * length holds at most {@code capacity} results.
 */
public final class VerificationCache {
  /** Enough for every share of tens of heights on a few subnets of tens of replicas. */
  public static final int DEFAULT_CAPACITY = 1 << 16;

  private final boolean enabled;
  private final GenerationalCache<Boolean> results;

  private VerificationCache(boolean enabled, int capacity) {
    this.enabled = enabled;
    this.results = enabled ? new GenerationalCache<>(capacity) : null;
  }

  public static VerificationCache shared() {
    return new VerificationCache(true, DEFAULT_CAPACITY);
  }

  /** A shared cache holding at most {@code capacity} results (at least 2). */
  public static VerificationCache shared(int capacity) {
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
    Boolean cached = results.get(key);
    if (cached != null) {
      return cached;
    }
    boolean result = check.getAsBoolean();
    results.put(key, result);
    return result;
  }

  /**
   * The verdict held for these inputs, or null (none held, or caching disabled). For callers that
   * decide several verifications together ({@link ShareBatches}).
   */
  Boolean known(String key) {
    return enabled ? results.get(key) : null;
  }

  /** Records a verdict decided elsewhere (exactly what {@link #verify}'s check would return). */
  void record(String key, boolean verdict) {
    if (enabled) {
      results.put(key, verdict);
    }
  }

  boolean enabled() {
    return enabled;
  }

  /** Results held now (at most {@link #capacity()}). */
  public int size() {
    return enabled ? results.size() : 0;
  }

  public int capacity() {
    return enabled ? results.capacity() : 0;
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
