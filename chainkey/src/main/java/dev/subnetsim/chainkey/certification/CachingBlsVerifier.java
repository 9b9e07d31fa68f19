package dev.subnetsim.chainkey.certification;

import dev.subnetsim.chainkey.bytes.BigEndianReader;
import dev.subnetsim.chainkey.bytes.BigEndianWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link BlsVerifier} that remembers results (verification is a pure function, so a
 * cache keyed by every input, shared by all simulated honest replicas, is a legitimate speed-up:
 * n replicas checking one delegation pay for one pairing check). The key is
 * SHA-256(len(pk) · pk · len(msg) · msg · sig), so distinct inputs never share an entry short of a
 * hash collision. Thread-safe; when {@code maxEntries} is reached the cache is cleared (results
 * never depend on what is cached, so eviction order cannot affect determinism).
 */
public final class CachingBlsVerifier implements BlsVerifier {

  private final BlsVerifier inner;
  private final int maxEntries;
  private final ConcurrentHashMap<Key, Boolean> results = new ConcurrentHashMap<>();

  // Package-private for the known-answer test of the key derivation.
  record Key(long a, long b, long c, long d) {}

  public CachingBlsVerifier(BlsVerifier inner, int maxEntries) {
    this.inner = Objects.requireNonNull(inner, "inner");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  @Override
  public boolean verify(byte[] publicKey96, byte[] message, byte[] signature48) {
    Key key = key(publicKey96, message, signature48);
    Boolean cached = results.get(key);
    if (cached != null) {
      return cached;
    }
    boolean ok = inner.verify(publicKey96, message, signature48);
    if (results.size() >= maxEntries) {
      results.clear();
    }
    results.put(key, ok);
    return ok;
  }

  /** Number of cached results. */
  public int size() {
    return results.size();
  }

  static Key key(byte[] pk, byte[] msg, byte[] sig) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
    byte[] preimage = new BigEndianWriter(8 + pk.length + msg.length + sig.length)
        .lengthPrefixed(pk).lengthPrefixed(msg).raw(sig).toBytes();
    BigEndianReader h = new BigEndianReader(sha.digest(preimage), "SHA-256 digest");
    return new Key(h.i64("a"), h.i64("b"), h.i64("c"), h.i64("d"));
  }
}
