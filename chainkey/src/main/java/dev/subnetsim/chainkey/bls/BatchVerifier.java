package dev.subnetsim.chainkey.bls;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.HashToCurve;
import dev.subnetsim.chainkey.bls12381.PairingTerm;
import dev.subnetsim.chainkey.bls12381.Pairings;
import dev.subnetsim.chainkey.bls12381.Scalar;
import dev.subnetsim.chainkey.bytes.Bytes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Batch verification of many min-sig BLS signatures (pk_i in G2, msg_i, sig_i in G1) at once, by a
 * random linear combination: with secret random r_i, all are valid (except with probability
 * 2^-63 per batch) iff
 *
 * <pre>e(sum r_i sig_i, -G2) * prod_m e(H(m), sum_{i: msg_i = m} r_i pk_i) = 1</pre>
 *
 * <p>Cost: two multi-scalar multiplications with 63-bit scalars (sum r_i sig_i in G1 and, per
 * distinct message, sum r_i pk_i in G2; Straus, sharing one chain of 63 doublings), one hash per
 * distinct message, and (distinct messages + 1) Miller loops with one final exponentiation —
 * against two full Miller loops per item one by one. Shares of a threshold or multi-signature all
 * sign the same message, so the whole batch is two Miller loops.
 *
 * <p>When the batch fails, the terms r_i sig_i and r_i pk_i are computed one by one and the bad
 * items found by bisection over them: each halving costs only point additions and one pairing
 * product, so k bad items among n cost O(k log n) pairing products. Items whose public key or signature is the identity are rejected
 * outright (they would satisfy the equation trivially).
 *
 * <p>The randomizers come from the caller's generator (house rule: randomness is passed in). They
 * must be unpredictable to whoever chose the signatures; a seeded generator is fine in simulation.
 */
public final class BatchVerifier {
  private BatchVerifier() {}

  // -G2 as one shared instance, so its affine form is computed once.
  private static final G2Point NEG_G2 = G2Point.generator().neg();

  /** One (public key, message, signature) triple. The message array is not copied. */
  public record Item(G2Point publicKey, byte[] message, G1Point signature) {
    public Item {
      Objects.requireNonNull(publicKey, "publicKey");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(signature, "signature");
    }
  }

  /** True iff every item is a valid signature under the DST. */
  public static boolean allValid(List<Item> items, String dst, SecureRandom rng) {
    return invalidIndices(items, dst, rng).isEmpty();
  }

  /** Indices (ascending) of the invalid items; empty iff all are valid. */
  public static List<Integer> invalidIndices(List<Item> items, String dst, SecureRandom rng) {
    return invalidIndices(items, rng, m -> HashToCurve.hashToG1(m, dst));
  }

  /**
   * {@link #invalidIndices(List, String, SecureRandom)} with the messages hashed to G1 by {@code
   * hashToG1} (the DST's hash-to-curve, e.g. remembered for messages many parties sign).
   */
  public static List<Integer> invalidIndices(List<Item> items, SecureRandom rng,
      Function<byte[], G1Point> hashToG1) {
    Batch batch = new Batch(items, hashToG1, rng);
    List<Integer> bad = new ArrayList<>(batch.trivialBad);
    List<Integer> candidates = batch.candidates;
    if (!candidates.isEmpty() && !batch.checkAllByMultiScalarMul()) {
      batch.computeWeightedTerms();
      bisect(batch, candidates, Knowledge.OBSERVED_BAD, bad);
    }
    bad.sort(Integer::compare);
    return List.copyOf(bad);
  }

  /** A single signature, checked with two Miller loops and one final exponentiation. */
  public static boolean verifyOne(G2Point publicKey, byte[] message, G1Point signature, String dst) {
    if (publicKey.isIdentity() || signature.isIdentity()) {
      return false;
    }
    return verifyHashed(publicKey, HashToCurve.hashToG1(message, dst), signature);
  }

  /** {@link #verifyOne} with the message already hashed to G1 under the scheme's DST. */
  public static boolean verifyHashed(G2Point publicKey, G1Point messageHash, G1Point signature) {
    if (publicKey.isIdentity() || signature.isIdentity()) {
      return false;
    }
    return Pairings.productIsOne(
        List.of(new PairingTerm(signature, NEG_G2), new PairingTerm(messageHash, publicKey)));
  }

  /** What is known about a subset when bisection reaches it. */
  private enum Knowledge {
    UNKNOWN,
    /** Its own check failed: it certainly contains an invalid item. */
    OBSERVED_BAD,
    /** Its sibling passed and the parent failed: it contains an invalid item unless the sibling's
     *  pass was a 2^-63 false positive. */
    INFERRED_BAD
  }

  /**
   * Finds the bad items of {@code subset}. A single item is reported only after a failed check of
   * exactly that item, so an honest signer is never blamed (a failed check is exact; only passes
   * are probabilistic).
   */
  private static void bisect(Batch batch, List<Integer> subset, Knowledge knowledge, List<Integer> bad) {
    if (knowledge == Knowledge.UNKNOWN && batch.check(subset)) {
      return;
    }
    if (subset.size() == 1) {
      if (knowledge != Knowledge.INFERRED_BAD || !batch.check(subset)) {
        bad.add(subset.get(0));
      }
      return;
    }
    int mid = subset.size() / 2;
    List<Integer> left = subset.subList(0, mid);
    List<Integer> right = subset.subList(mid, subset.size());
    if (batch.check(left)) {
      bisect(batch, right, Knowledge.INFERRED_BAD, bad);
    } else {
      bisect(batch, left, Knowledge.OBSERVED_BAD, bad);
      bisect(batch, right, Knowledge.UNKNOWN, bad);
    }
  }

  /** The randomized terms r_i sig_i and r_i pk_i, computed once and reused by every sub-check. */
  private static final class Batch {
    private final List<Item> items;
    private final long[] randomizers;
    private G1Point[] weightedSignatures;
    private G2Point[] weightedKeys;
    private final int[] messageGroup;
    private final List<G1Point> messageHashes = new ArrayList<>();
    private final List<Integer> candidates = new ArrayList<>();
    private final List<Integer> trivialBad = new ArrayList<>();

    Batch(List<Item> items, Function<byte[], G1Point> hashToG1, SecureRandom rng) {
      int n = items.size();
      this.items = items;
      randomizers = new long[n];
      messageGroup = new int[n];
      Map<Bytes, Integer> groups = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        Item it = items.get(i);
        // Draw the randomizer for every item, valid or not, so the stream does not depend on
        // which items are malformed.
        long r = randomizer(rng);
        randomizers[i] = r;
        if (it.publicKey().isIdentity() || it.signature().isIdentity()) {
          trivialBad.add(i);
          continue;
        }
        Bytes message = Bytes.of(it.message()); // a copy: groups by content, not by array
        Integer g = groups.get(message);
        if (g == null) {
          g = messageHashes.size();
          groups.put(message, g);
          messageHashes.add(hashToG1.apply(it.message()));
        }
        messageGroup[i] = g;
        candidates.add(i);
      }
    }

    /** The whole batch of candidates, with one multi-scalar multiplication per group. */
    boolean checkAllByMultiScalarMul() {
      List<G1Point> sigs = new ArrayList<>(candidates.size());
      List<Scalar> rs = new ArrayList<>(candidates.size());
      List<List<G2Point>> keysByGroup = new ArrayList<>();
      List<List<Scalar>> rsByGroup = new ArrayList<>();
      for (int g = 0; g < messageHashes.size(); g++) {
        keysByGroup.add(new ArrayList<>());
        rsByGroup.add(new ArrayList<>());
      }
      for (int i : candidates) {
        Scalar r = Scalar.fromLong(randomizers[i]);
        sigs.add(items.get(i).signature());
        rs.add(r);
        keysByGroup.get(messageGroup[i]).add(items.get(i).publicKey());
        rsByGroup.get(messageGroup[i]).add(r);
      }
      List<PairingTerm> terms = new ArrayList<>();
      terms.add(new PairingTerm(G1Point.multiScalarMul(sigs, rs), NEG_G2));
      for (int g = 0; g < messageHashes.size(); g++) {
        terms.add(new PairingTerm(messageHashes.get(g), G2Point.multiScalarMul(keysByGroup.get(g), rsByGroup.get(g))));
      }
      return Pairings.productIsOne(terms);
    }

    /** r_i sig_i and r_i pk_i one by one, for bisection. */
    void computeWeightedTerms() {
      weightedSignatures = new G1Point[items.size()];
      weightedKeys = new G2Point[items.size()];
      for (int i : candidates) {
        weightedSignatures[i] = items.get(i).signature().mulSmall(randomizers[i]);
        weightedKeys[i] = items.get(i).publicKey().mulSmall(randomizers[i]);
      }
    }

    boolean check(List<Integer> subset) {
      G2Point[] keySums = new G2Point[messageHashes.size()];
      List<G1Point> sigs = new ArrayList<>(subset.size());
      for (int i : subset) {
        sigs.add(weightedSignatures[i]);
        int g = messageGroup[i];
        keySums[g] = keySums[g] == null ? weightedKeys[i] : keySums[g].add(weightedKeys[i]);
      }
      G1Point sigSum = G1Point.sum(sigs);
      List<PairingTerm> terms = new ArrayList<>();
      terms.add(new PairingTerm(sigSum, NEG_G2));
      for (int g = 0; g < keySums.length; g++) {
        if (keySums[g] != null) {
          terms.add(new PairingTerm(messageHashes.get(g), keySums[g]));
        }
      }
      return Pairings.productIsOne(terms);
    }

    /** A uniformly random non-zero 63-bit randomizer. */
    private static long randomizer(SecureRandom rng) {
      while (true) {
        long r = rng.nextLong() >>> 1;
        if (r != 0) {
          return r;
        }
      }
    }
  }
}
