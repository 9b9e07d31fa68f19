package dev.subnetsim.chainkey.bls12381;

import java.util.List;
import supranational.blst.Pairing;

/**
 * Pairing checks on BLS12-381 (optimal ate pairing e: G1 x G2 -&gt; GT). A product of k pairings
 * costs k Miller loops sharing one final exponentiation (blst's multi-Miller loop), which is why
 * every check here is phrased as "product is one" rather than as a comparison of two GT values.
 */
public final class Pairings {
  private Pairings() {}

  // blst's Pairing context wants a DST even when only raw Miller loops are accumulated; it is
  // never used for hashing here.
  private static final String UNUSED_DST = "subnet-sim-raw-pairing";

  /** True iff prod e(g1_i, g2_i) = 1 in GT. Terms with an identity factor contribute 1. */
  public static boolean productIsOne(List<PairingTerm> terms) {
    Pairing ctx = new Pairing(true, UNUSED_DST);
    boolean any = false;
    for (PairingTerm t : terms) {
      if (t.g1().isIdentity() || t.g2().isIdentity()) {
        continue; // e(O, Q) = e(P, O) = 1; blst's Miller loop expects finite points
      }
      ctx.raw_aggregate(t.g2().affine(), t.g1().affine());
      any = true;
    }
    if (!any) {
      return true; // the empty product; blst's finalverify reports false without a Miller loop
    }
    ctx.commit();
    return ctx.finalverify();
  }

  /** True iff e(a1, a2) = e(b1, b2), checked as e(a1, a2) * e(-b1, b2) = 1. */
  public static boolean pairingsEqual(G1Point a1, G2Point a2, G1Point b1, G2Point b2) {
    return productIsOne(List.of(new PairingTerm(a1, a2), new PairingTerm(b1.neg(), b2)));
  }
}
