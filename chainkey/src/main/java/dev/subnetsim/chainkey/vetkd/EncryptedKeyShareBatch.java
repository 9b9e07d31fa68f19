package dev.subnetsim.chainkey.vetkd;

import dev.subnetsim.chainkey.bls12381.G1Point;
import dev.subnetsim.chainkey.bls12381.G2Point;
import dev.subnetsim.chainkey.bls12381.PairingTerm;
import dev.subnetsim.chainkey.bls12381.Pairings;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch verification of encrypted key shares for one request, by a random linear combination of
 * both pairing equations of every share. With secret 63-bit randomizers r_i, s_i, all shares are
 * valid (except with probability about 2^-63 per invalid share) iff
 *
 * <pre>
 * e(sum (r_i c1_i + s_i c3_i), -G2) * e(G1, sum r_i c2_i) * e(tpk, sum s_i c2_i) * e(Hm, sum s_i dpk_i) = 1
 * </pre>
 *
 * since for a valid share c1_i = rho_i G1, c2_i = rho_i G2, c3_i = rho_i tpk + dsk_i Hm every
 * factor's exponent cancels. Cost: 2 G1 and 3 G2 multiplications by 63-bit scalars per share
 * and 4 Miller loops with one final exponentiation for the whole batch, against 5 Miller loops
 * and 2 final exponentiations per share one by one. When the batch fails, the invalid shares are
 * found by bisection over the same randomized terms (point additions and one pairing product per
 * halving). Sound because every point is in the prime-order subgroups (decoding checks it).
 */
final class EncryptedKeyShareBatch {
  private EncryptedKeyShareBatch() {}

  private static final G2Point NEG_G2 = G2Point.generator().neg();

  /** The randomized terms of one share. */
  private record Terms(G1Point g1Sum, G2Point c2ForEq1, G2Point c2ForEq2, G2Point keyForEq2) {}

  /**
   * Positions (ascending) of the invalid shares.
   *
   * @param derivedKeyShares node i's derived public key share, same order as the shares
   */
  static List<Integer> invalidPositions(
      VetKdRequest.Prepared request, List<G2Point> derivedKeyShares, List<EncryptedKeyShare> shares,
      SecureRandom rng) {
    if (derivedKeyShares.size() != shares.size()) {
      throw new IllegalArgumentException("one derived key share per share expected");
    }
    List<Terms> terms = new ArrayList<>(shares.size());
    for (int i = 0; i < shares.size(); i++) {
      long r = randomizer(rng);
      long s = randomizer(rng);
      EncryptedKeyShare e = shares.get(i);
      terms.add(new Terms(
          e.c1().mulSmall(r).add(e.c3().mulSmall(s)),
          e.c2().mulSmall(r),
          e.c2().mulSmall(s),
          derivedKeyShares.get(i).mulSmall(s)));
    }
    List<Integer> bad = new ArrayList<>();
    List<Integer> all = new ArrayList<>(shares.size());
    for (int i = 0; i < shares.size(); i++) {
      all.add(i);
    }
    bisect(request, terms, all, bad);
    bad.sort(null);
    return bad;
  }

  private static void bisect(VetKdRequest.Prepared request, List<Terms> terms, List<Integer> subset, List<Integer> bad) {
    if (subset.isEmpty() || holds(request, terms, subset)) {
      return;
    }
    if (subset.size() == 1) {
      bad.add(subset.get(0));
      return;
    }
    int mid = subset.size() / 2;
    bisect(request, terms, subset.subList(0, mid), bad);
    bisect(request, terms, subset.subList(mid, subset.size()), bad);
  }

  private static boolean holds(VetKdRequest.Prepared request, List<Terms> terms, List<Integer> subset) {
    List<G1Point> g1 = new ArrayList<>(subset.size());
    List<G2Point> eq1 = new ArrayList<>(subset.size());
    List<G2Point> eq2 = new ArrayList<>(subset.size());
    List<G2Point> keys = new ArrayList<>(subset.size());
    for (int i : subset) {
      Terms t = terms.get(i);
      g1.add(t.g1Sum());
      eq1.add(t.c2ForEq1());
      eq2.add(t.c2ForEq2());
      keys.add(t.keyForEq2());
    }
    return Pairings.productIsOne(List.of(
        new PairingTerm(G1Point.sum(g1), NEG_G2),
        new PairingTerm(G1Point.generator(), G2Point.sum(eq1)),
        new PairingTerm(request.transportPoint(), G2Point.sum(eq2)),
        new PairingTerm(request.messagePoint(), G2Point.sum(keys))));
  }

  /** A uniformly random non-zero 63-bit randomizer. */
  private static long randomizer(SecureRandom rng) {
    long v;
    do {
      v = rng.nextLong() >>> 1;
    } while (v == 0);
    return v;
  }
}
