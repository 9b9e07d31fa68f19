package dev.subnetsim.chainkey.bls12381;

/**
 * Thrown when bytes do not decode to a point of the prime-order subgroup of BLS12-381 G1 or G2.
 * {@link #reason()} says which check failed, so callers (and tests) can tell a truncated message
 * from an adversarially chosen small-order point.
 */
public final class MalformedPointException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The check that failed, in the order they are applied. */
  public enum Reason {
    /** Not 48 bytes (G1) or 96 bytes (G2). */
    WRONG_LENGTH,
    /** Flag bits of the ZCash serialization wrong, or the x coordinate is not below p. */
    BAD_ENCODING,
    /** The x coordinate has no y on the curve. */
    NOT_ON_CURVE,
    /** On the curve but not in the prime-order subgroup (a small-order component). */
    NOT_IN_SUBGROUP,
    /** The point at infinity where a non-identity point is required. */
    IDENTITY_NOT_ALLOWED
  }

  private final Reason reason;

  public MalformedPointException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
