package dev.subnetsim.replica.state;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One array per distinct content among the simulated replicas of a subnet. Every replica of a
 * subnet records the same finalized dealings in its own replicated state, each decoded from its
 * own copy of the block; a 34-node subnet refilling presignatures would hold every dealing (tens of
 * kilobytes each) 34 times. Recording the array this returns instead keeps one copy while any
 * replica holds it.
 *
 * <p>Results never depend on timing: the returned array always has the content asked for, whether
 * another replica's array was still held (weakly, so a content no replica keeps any more is
 * forgotten by the garbage collector) or not. Safe for replicas stepped on several threads. The
 * arrays are shared, so nobody may modify an array it recorded.
 */
public final class SharedBytes {
  /** A weakly held array, knowing its key so a cleared entry can be dropped. */
  private static final class Held extends WeakReference<byte[]> {
    final Key key;

    Held(byte[] bytes, Key key, ReferenceQueue<byte[]> queue) {
      super(bytes, queue);
      this.key = key;
    }
  }

  /** The SHA-256 of a content (content-equal on a hit too, so a collision cannot alias). */
  private record Key(byte[] digest) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(digest, k.digest);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(digest);
    }
  }

  private final ConcurrentHashMap<Key, Held> held = new ConcurrentHashMap<>();
  private final ReferenceQueue<byte[]> cleared = new ReferenceQueue<>();

  /**
   * An array with {@code bytes}' content: the one recorded before if some replica still holds it,
   * else {@code bytes} itself (which the caller must then not modify either).
   */
  public byte[] intern(byte[] bytes) {
    dropCleared();
    Key key = new Key(sha256(bytes));
    byte[][] out = new byte[1][];
    held.compute(key, (k, h) -> {
      byte[] existing = h == null ? null : h.get();
      if (existing != null && Arrays.equals(existing, bytes)) {
        out[0] = existing;
        return h;
      }
      out[0] = bytes;
      return new Held(bytes, k, cleared);
    });
    return out[0];
  }

  /** Distinct contents currently tracked (live or not yet dropped), for tests. */
  int size() {
    dropCleared();
    return held.size();
  }

  private void dropCleared() {
    for (var r = cleared.poll(); r != null; r = cleared.poll()) {
      Held h = (Held) r;
      held.remove(h.key, h);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
