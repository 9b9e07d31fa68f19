package dev.subnetsim.chainkey.dkg;

/**
 * A dealing that fails public verification for a DKG config. {@link #reason()} says which check
 * failed; the message also names the dealer.
 */
public final class InvalidDealingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The public checks of {@link DealingValidator}, in the order they are applied. */
  public enum Reason {
    /** The dealer index is not one of the config's dealers. */
    UNKNOWN_DEALER,
    /** The commitment does not have exactly {@code threshold} coefficients. */
    WRONG_THRESHOLD,
    /** Not exactly one ciphertext per receiver. */
    WRONG_RECEIVER_COUNT,
    /** R is the identity: every pad would be public. */
    IDENTITY_EPHEMERAL_KEY,
    /** Resharing: the committed constant term is not the dealer's old public key share. */
    RESHARED_SECRET_MISMATCH
  }

  private final Reason reason;
  private final int dealerIndex;

  public InvalidDealingException(Reason reason, int dealerIndex, String message) {
    super(reason + ": dealing of dealer " + dealerIndex + ": " + message);
    this.reason = reason;
    this.dealerIndex = dealerIndex;
  }

  public Reason reason() {
    return reason;
  }

  public int dealerIndex() {
    return dealerIndex;
  }
}
