/**
 * Shamir sharing over Fr and threshold BLS in the IC's min-sig form: polynomials, Lagrange
 * interpolation, Feldman commitments in G2 ({@link
 * dev.subnetsim.chainkey.threshold.PublicCoefficients}), and {@link
 * dev.subnetsim.chainkey.threshold.ThresholdBls} (signature shares, share verification,
 * combination with attribution of invalid shares). Node index i (0-based position in the
 * committee) is evaluated at x = i+1, as in the IC.
 */
package dev.subnetsim.chainkey.threshold;
