package dev.subnetsim.consensus.crypto;

import dev.subnetsim.chainkey.bls.BatchVerifier;
import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.random.SeededRandom;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides shares on the same message together and leaves each share's verdict in the shared
 * {@link VerificationCache}, where the one-by-one verification then finds it: one aggregated
 * pairing check per message ({@link BatchVerifier}: random linear combination, bisection only
 * when the batch fails) instead of one per share.
 *
 * <p>Every verdict is the one-by-one verdict: a share is recorded invalid only after a failed
 * check of that share alone (exact), and valid when a check containing it passed, which with
 * non-zero 63-bit randomizers is wrong with probability at most 2^-63. The randomizers come from
 * a seed derived from the batch's inputs (no unseeded randomness; which shares share a batch may
 * depend on thread timing, their verdicts do not). A Byzantine signer would have to grind about
 * 2^63 share encodings to make an invalid share pass, which the simulated adversaries do not (a
 * real node would draw the randomizers from its own entropy).
 */
final class ShareBatches {
  private ShareBatches() {}

  /** Shares are batched only from this many on one message (one alone gains nothing). */
  static final int MIN_BATCH = 2;

  /** Decides the checks the cache holds no verdict for, in batches per (DST, message). */
  static void decide(List<ShareCheck> checks, VerificationCache cache, DecodedPoints decoded,
      HashedMessages hashed, CryptoOpCounter ops) {
    if (!cache.enabled()) {
      return;
    }
    // Grouped in sorted maps: the batches and their seeds never depend on hash order.
    Map<String, TreeMap<String, ShareCheck>> groups = new TreeMap<>();
    for (ShareCheck c : checks) {
      if (cache.known(c.key) == null) {
        groups.computeIfAbsent(c.dst + "/" + HexFormat.of().formatHex(c.message),
            g -> new TreeMap<>()).putIfAbsent(c.key, c);
      }
    }
    for (TreeMap<String, ShareCheck> group : groups.values()) {
      if (group.size() >= MIN_BATCH) {
        decideGroup(new ArrayList<>(group.values()), cache, decoded, hashed, ops);
      }
    }
  }

  private static void decideGroup(List<ShareCheck> group, VerificationCache cache,
      DecodedPoints decoded, HashedMessages hashed, CryptoOpCounter ops) {
    List<ShareCheck> decodable = new ArrayList<>();
    List<BatchVerifier.Item> items = new ArrayList<>();
    ByteArrayOutputStream seed = new ByteArrayOutputStream();
    for (ShareCheck c : group) {
      G1Point share;
      try {
        // Through the shared decoded points: combining and aggregating then find them decoded.
        share = decoded.decodeNonIdentity(c.signature);
      } catch (IllegalArgumentException e) { // includes MalformedPointException
        ops.add(c.op);
        cache.record(c.key, false); // as one by one: an undecodable share is invalid
        continue;
      }
      decodable.add(c);
      items.add(new BatchVerifier.Item(c.publicKey, c.message, share));
      seed.writeBytes(c.key.getBytes(StandardCharsets.US_ASCII));
    }
    if (items.isEmpty()) {
      return;
    }
    SeededRandom rng = SeededRandom.fromSeed(seed.toByteArray(), "consensus/share-batch");
    String dst = decodable.get(0).dst;
    List<Integer> invalid = BatchVerifier.invalidIndices(items, rng, m -> hashed.hash(m, dst));
    for (int i = 0; i < decodable.size(); i++) {
      ops.add(CryptoOpCounter.Op.VERIFY_SHARE_BATCHED);
      cache.record(decodable.get(i).key, !invalid.contains(i));
    }
  }
}
