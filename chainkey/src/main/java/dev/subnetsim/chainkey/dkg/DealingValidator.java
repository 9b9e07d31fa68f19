package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.dkg.InvalidDealingException.Reason;
import dev.subnetsim.chainkey.threshold.PublicCoefficients;

/**
 * Public verification of a dealing against its config: what every node checks before a dealing
 * may enter a block. Points are already subgroup-checked by decoding.
 *
 * <p>What this cannot check (the IC's NIDKG does, with NIZK proofs of correct sharing and
 * chunking): that each ciphertext encrypts the committed evaluation. Here that is left to the
 * receivers, who check their own share with {@link DkgReceiver#open} and complain otherwise; so
 * this check is cheap (for resharing, one evaluation of the old commitment) where the IC's costs
 * many pairings.
 */
public final class DealingValidator {
  private DealingValidator() {}

  /**
   * @throws InvalidDealingException with the reason of the first failed check
   */
  public static void verify(DkgConfig config, Dealing dealing) {
    int d = dealing.dealerIndex();
    if (d >= config.dealerCount()) {
      throw new InvalidDealingException(
          Reason.UNKNOWN_DEALER, d, "dealer index must be below " + config.dealerCount());
    }
    if (dealing.threshold() != config.threshold()) {
      throw new InvalidDealingException(
          Reason.WRONG_THRESHOLD, d,
          "commitment has " + dealing.threshold() + " coefficients, the config's threshold is " + config.threshold());
    }
    if (dealing.ciphertexts().size() != config.receiverCount()) {
      throw new InvalidDealingException(
          Reason.WRONG_RECEIVER_COUNT, d,
          dealing.ciphertexts().size() + " ciphertexts for " + config.receiverCount() + " receivers");
    }
    if (dealing.ephemeralKey().isIdentity()) {
      throw new InvalidDealingException(Reason.IDENTITY_EPHEMERAL_KEY, d, "ephemeral key R is the identity");
    }
    if (config.isResharing()) {
      PublicCoefficients old = config.resharedKey().orElseThrow();
      if (!dealing.commitment().publicKey().equals(old.publicKeyShare(d))) {
        throw new InvalidDealingException(
            Reason.RESHARED_SECRET_MISMATCH, d,
            "committed constant term is not the dealer's public key share of the reshared key");
      }
    }
  }

  /** {@link #verify} as a predicate. */
  public static boolean isValid(DkgConfig config, Dealing dealing) {
    try {
      verify(config, dealing);
      return true;
    } catch (InvalidDealingException e) {
      return false;
    }
  }
}
