package dev.subnetsim.chainkey.ec;

/**
 * Bytes that are not a valid encoding of a scalar or point of the named curve: wrong length,
 * non-canonical value, not on the curve, small order, or outside the prime-order subgroup. The
 * message names the curve and what was wrong.
 */
public final class InvalidEncodingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidEncodingException(String message) {
    super(message);
  }

  public InvalidEncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
