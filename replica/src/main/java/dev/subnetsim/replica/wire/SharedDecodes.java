package dev.subnetsim.replica.wire;

import dev.subnetsim.consensus.types.MessageKind;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Large peer bodies decoded once for all the simulated replicas of a subnet. Every replica of a
 * subnet receives its own copy of a broadcast block proposal (megabytes when it carries dealings)
 * and keeps the decoded block in its pool until a catch-up package lets it go; decoded separately,
 * a 34-node subnet holds each such block 34 times. Here a body of at least {@link #MIN_BYTES}
 * whose kind and SHA-256 match one decoded before, while some replica still holds that message,
 * yields the same decoded message.
 *
 * <p>Results never depend on timing or threads: a decoded message is a function of its kind and
 * bytes (the codecs accept only canonical encodings), and the shared one is immutable, so getting
 * the earlier decoding or decoding again gives equal messages. SHA-256 is taken as collision-free,
 * as consensus does when it names a block by its hash. A body that does not decode is not
 * remembered (its refusal is computed per receiver, attributed to each sender).
 */
public final class SharedDecodes {
  /** Bodies below this are decoded per replica: hashing them would cost what decoding does. */
  public static final int MIN_BYTES = 4 * 1024;

  private record Key(MessageKind kind, byte[] digest) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && kind == k.kind && Arrays.equals(digest, k.digest);
    }

    @Override
    public int hashCode() {
      return 31 * kind.hashCode() + Arrays.hashCode(digest);
    }
  }

  /** A weakly held decoded message, knowing its key so a cleared entry can be dropped. */
  private static final class Held extends WeakReference<PeerMessage> {
    final Key key;

    Held(PeerMessage m, Key key, ReferenceQueue<PeerMessage> queue) {
      super(m, queue);
      this.key = key;
    }
  }

  private final ConcurrentHashMap<Key, Held> held = new ConcurrentHashMap<>();
  private final ReferenceQueue<PeerMessage> cleared = new ReferenceQueue<>();

  /**
   * {@link WireCodecs#decode}, sharing the result among the replicas using this object.
   *
   * @throws MalformedPeerMessageException as {@link WireCodecs#decode} does
   */
  public PeerMessage decode(MessageKind kind, byte[] body) {
    if (body.length < MIN_BYTES) {
      return WireCodecs.decode(kind, body);
    }
    dropCleared();
    Key key = new Key(kind, sha256(body));
    Held h = held.get(key);
    PeerMessage known = h == null ? null : h.get();
    if (known != null) {
      return known;
    }
    // Decoded outside any lock; two replicas racing both decode and keep the first one stored.
    PeerMessage decoded = WireCodecs.decode(kind, body);
    PeerMessage[] out = {decoded};
    held.compute(key, (k, current) -> {
      PeerMessage other = current == null ? null : current.get();
      if (other != null) {
        out[0] = other;
        return current;
      }
      return new Held(decoded, k, cleared);
    });
    return out[0];
  }

  /** Distinct bodies tracked (live or not yet dropped), for tests. */
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
