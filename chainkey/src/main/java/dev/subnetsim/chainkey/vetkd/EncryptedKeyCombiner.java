package dev.subnetsim.chainkey.vetkd;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.threshold.InsufficientSharesException;
import dev.subnetsim.chainkey.threshold.Lagrange;
import dev.subnetsim.chainkey.threshold.NodeIndex;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies encrypted key shares and combines t of them into the encrypted vetKey (dfinity/ic vetkd
 * {@code EncryptedKey::combine_all} / {@code combine_valid_shares}). Combination interpolates each
 * component at 0 with the Lagrange coefficients of the shares' node indices (x = i+1):
 * {@code c1 = sum l_i c1_i} etc.; since c3_i = rho_i*tpk + dsk_i*Hm is linear in (rho_i, dsk_i),
 * the result is (rho*G1, rho*G2, rho*tpk + dsk*Hm) with rho = sum l_i rho_i and dsk = sum l_i dsk_i.
 *
 * <p>A share of node i is checked against node i's derived public key share, (s_i + offset) * G2 =
 * {@code pc.publicKeyShare(i) + offset*G2}, by the two pairing equations of {@link
 * KeyCiphertext#isValid} (5 Miller loops and 2 final exponentiations; {@link #verifyShare}), or
 * many shares at once by a randomized batch ({@link #combineVerified}).
 */
public final class EncryptedKeyCombiner {
  private EncryptedKeyCombiner() {}

  /** Checks node i's share against its public key share in the master key's coefficients. */
  public static boolean verifyShare(
      VetKdRequest.Prepared request, G2Point masterPublicKeyShare, EncryptedKeyShare share) {
    G2Point derivedShare = request.derivedKeyShare(masterPublicKeyShare);
    return KeyCiphertext.isValid(
        share.c1(), share.c2(), share.c3(), request.transportPoint(), derivedShare,
        request.messagePoint());
  }

  /** Lagrange interpolation at 0 of the given shares, unverified. */
  public static EncryptedVetKey combineUnchecked(Map<Integer, EncryptedKeyShare> sharesByNode) {
    NodeIndex.checkDistinct(sharesByNode.keySet());
    TreeMap<Integer, G1Point> c1 = new TreeMap<>();
    TreeMap<Integer, G2Point> c2 = new TreeMap<>();
    TreeMap<Integer, G1Point> c3 = new TreeMap<>();
    for (Map.Entry<Integer, EncryptedKeyShare> e : sharesByNode.entrySet()) {
      c1.put(e.getKey(), e.getValue().c1());
      c2.put(e.getKey(), e.getValue().c2());
      c3.put(e.getKey(), e.getValue().c3());
    }
    return new EncryptedVetKey(
        Lagrange.interpolateG1AtZero(c1),
        Lagrange.interpolateG2AtZero(c2),
        Lagrange.interpolateG1AtZero(c3));
  }

  /**
   * Verifies every share one by one with {@link #verifyShare} (deterministic, needs no randomness;
   * the IC's {@code combine_valid_shares} does the same but stops at t valid shares), so every
   * invalid sender is attributed; then combines the threshold valid shares with the lowest node
   * indices and checks the result.
   *
   * @throws InsufficientSharesException if fewer than {@code pc.threshold()} shares are valid (it
   *     lists the invalid senders)
   */
  public static CombinedEncryptedKey combineVerified(
      VetKdRequest.Prepared request, PublicCoefficients pc, Map<Integer, EncryptedKeyShare> sharesByNode) {
    checkMasterKey(request, pc);
    NodeIndex.checkDistinct(sharesByNode.keySet());
    TreeMap<Integer, EncryptedKeyShare> sorted = new TreeMap<>(sharesByNode);
    List<Integer> invalid = new ArrayList<>();
    for (Map.Entry<Integer, EncryptedKeyShare> e : sorted.entrySet()) {
      if (!verifyShare(request, pc.publicKeyShare(e.getKey()), e.getValue())) {
        invalid.add(e.getKey());
      }
    }
    return combineValid(request, pc, sorted, invalid);
  }

  /**
   * As {@link #combineVerified(VetKdRequest.Prepared, PublicCoefficients, Map)}, but verifies all
   * shares in one randomized batch with bisection on failure ({@link EncryptedKeyShareBatch}):
   * about 6x cheaper per share when all are valid.
   *
   * @param rng randomness for the batch randomizers (must be unpredictable to share senders)
   */
  public static CombinedEncryptedKey combineVerified(
      VetKdRequest.Prepared request, PublicCoefficients pc, Map<Integer, EncryptedKeyShare> sharesByNode,
      SecureRandom rng) {
    checkMasterKey(request, pc);
    NodeIndex.checkDistinct(sharesByNode.keySet());
    TreeMap<Integer, EncryptedKeyShare> sorted = new TreeMap<>(sharesByNode);
    List<Integer> nodes = List.copyOf(sorted.keySet());
    List<G2Point> derivedKeyShares = new ArrayList<>(nodes.size());
    for (int i : nodes) {
      derivedKeyShares.add(request.derivedKeyShare(pc.publicKeyShare(i)));
    }
    List<Integer> invalid = new ArrayList<>();
    for (int pos : EncryptedKeyShareBatch.invalidPositions(request, derivedKeyShares, List.copyOf(sorted.values()), rng)) {
      invalid.add(nodes.get(pos));
    }
    return combineValid(request, pc, sorted, invalid);
  }

  private static CombinedEncryptedKey combineValid(
      VetKdRequest.Prepared request, PublicCoefficients pc, TreeMap<Integer, EncryptedKeyShare> sorted,
      List<Integer> invalid) {
    TreeMap<Integer, EncryptedKeyShare> chosen = new TreeMap<>();
    for (Map.Entry<Integer, EncryptedKeyShare> e : sorted.entrySet()) {
      if (chosen.size() < pc.threshold() && !invalid.contains(e.getKey())) {
        chosen.put(e.getKey(), e.getValue());
      }
    }
    if (chosen.size() < pc.threshold()) {
      throw new InsufficientSharesException(pc.threshold(), sorted.size() - invalid.size(), invalid);
    }
    EncryptedVetKey key = combineUnchecked(chosen);
    if (!key.isValid(request)) {
      // Only reachable if the coefficients do not belong to the shares' key (wrong threshold).
      throw new IllegalStateException(
          "combination of " + chosen.size() + " valid shares is invalid: public coefficients do not"
              + " match the key the shares were made with");
    }
    return new CombinedEncryptedKey(key, List.copyOf(chosen.keySet()), List.copyOf(invalid));
  }

  /**
   * The cheap common case: combines the threshold shares with the lowest node indices unverified
   * and checks only the result (2 pairing checks instead of 2 per share). A valid result encrypts
   * the unique vetKey, so nothing is lost; if it is invalid, falls back to {@link
   * #combineVerified(VetKdRequest.Prepared, PublicCoefficients, Map, SecureRandom)}, which
   * attributes the bad shares.
   */
  public static CombinedEncryptedKey combineOptimistically(
      VetKdRequest.Prepared request, PublicCoefficients pc, Map<Integer, EncryptedKeyShare> sharesByNode,
      SecureRandom rng) {
    checkMasterKey(request, pc);
    NodeIndex.checkDistinct(sharesByNode.keySet());
    if (sharesByNode.size() >= pc.threshold()) {
      TreeMap<Integer, EncryptedKeyShare> first = new TreeMap<>();
      for (Map.Entry<Integer, EncryptedKeyShare> e : new TreeMap<>(sharesByNode).entrySet()) {
        if (first.size() == pc.threshold()) {
          break;
        }
        first.put(e.getKey(), e.getValue());
      }
      EncryptedVetKey candidate = combineUnchecked(first);
      if (candidate.isValid(request)) {
        return new CombinedEncryptedKey(candidate, List.copyOf(first.keySet()), List.of());
      }
    }
    return combineVerified(request, pc, sharesByNode, rng);
  }

  private static void checkMasterKey(VetKdRequest.Prepared request, PublicCoefficients pc) {
    if (!pc.publicKey().equals(request.masterPublicKey())) {
      throw new IllegalArgumentException(
          "request was prepared for another master key than the public coefficients' key");
    }
  }
}
