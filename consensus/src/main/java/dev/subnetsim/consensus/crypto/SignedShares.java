package dev.subnetsim.consensus.crypto;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shares a subnet's replicas have signed, by scheme and message, until a batch takes them. With
 * jittery links a message's shares reach each receiver one at a time, so every receiver's step
 * would verify the one it got alone; when a verification finds no verdict, the shares signed on
 * the same message so far (by any replica, delivered or not) join its batch instead, and the
 * receivers later find their verdicts in the shared cache. A taken share is verified as every
 * share is (a pure check of its bytes; a Byzantine signer's altered bytes are another share), so
 * no verdict changes; which shares share a batch may depend on thread timing, never a verdict.
 * Bounded in two generations like {@link GenerationalCache}; a share dropped unverified is only
 * verified when it arrives.
 */
final class SignedShares {
  /** Messages held at most (a handful per height per subnet, for a few heights). */
  static final int CAPACITY = 1 << 12;

  /** One replica's share on a message. */
  record Signed(int index, byte[] share) {}

  private TreeMap<String, List<Signed>> young = new TreeMap<>();
  private TreeMap<String, List<Signed>> old = new TreeMap<>();

  /** By the message's SHA-256: signed DKG items carry whole dealings. */
  private static String key(String scheme, byte[] message) {
    return scheme + "/" + HexFormat.of().formatHex(ConsensusCrypto.sha256(message));
  }

  /** Remembers that committee member {@code index} signed {@code share} on the message. */
  synchronized void add(String scheme, byte[] message, int index, byte[] share) {
    String key = key(scheme, message);
    List<Signed> held = old.remove(key);
    if (held != null) {
      young.put(key, held);
    }
    young.computeIfAbsent(key, k -> new ArrayList<>()).add(new Signed(index, share));
    if (young.size() >= CAPACITY / 2) {
      old = young;
      young = new TreeMap<>();
    }
  }

  /** The shares signed on the message so far, removed (one batch decides them). */
  synchronized List<Signed> take(String scheme, byte[] message) {
    String key = key(scheme, message);
    List<Signed> young1 = young.remove(key);
    List<Signed> old1 = old.remove(key);
    List<Signed> out = new ArrayList<>();
    if (old1 != null) {
      out.addAll(old1);
    }
    if (young1 != null) {
      out.addAll(young1);
    }
    return out;
  }

  /**
   * The non-null {@code checks}, and for each message one of them has no verdict on, the shares
   * signed on it so far, taken: they join the batch (under the same key shares).
   */
  List<ShareCheck> withSigned(ConsensusCrypto crypto, VerificationCache cache,
      List<ShareCheck> checks) {
    List<ShareCheck> all = new ArrayList<>();
    Set<String> taken = new TreeSet<>();
    for (ShareCheck c : checks) {
      if (c == null) {
        continue;
      }
      all.add(c);
      if (cache.known(c.key) == null && taken.add(key(c.scheme, c.message))) {
        for (Signed s : take(c.scheme, c.message)) {
          ShareCheck sibling = ShareCheck.of(crypto, c.kind, c.keyShares, s.index(), c.message,
              s.share());
          if (sibling != null) {
            all.add(sibling);
          }
        }
      }
    }
    return all;
  }

  /** Messages held now. */
  synchronized int size() {
    return young.size() + old.size();
  }
}
