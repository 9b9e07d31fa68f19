package dev.subnetsim.chainkey.ic;

/** A principal's bytes or text are not a valid principal (too long, bad base32, bad checksum). */
public final class InvalidPrincipalException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidPrincipalException(String message) {
    super(message);
  }
}
