package dev.subnetsim.consensus.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Results of signature verifications, keyed by a hash of every input (scheme, public key, message,
 * signature). Verification is a pure function, so honest simulated replicas may share one cache:
 * a share broadcast to n replicas is checked once instead of n times. Sharing changes wall time
 * only, never a result, whatever the thread interleaving. Create one per run (never a static).
 */
public final class VerificationCache {
  private final ConcurrentHashMap<String, Boolean> results = new ConcurrentHashMap<>();
  private final boolean enabled;

  private VerificationCache(boolean enabled) {
    this.enabled = enabled;
  }

  public static VerificationCache shared() {
    return new VerificationCache(true);
  }

  /** No caching: every replica verifies every signature itself. */
  public static VerificationCache disabled() {
    return new VerificationCache(false);
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
    results.putIfAbsent(key, result);
    return result;
  }

  public int size() {
    return results.size();
  }

  private static String key(String scheme, byte[]... parts) {
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
