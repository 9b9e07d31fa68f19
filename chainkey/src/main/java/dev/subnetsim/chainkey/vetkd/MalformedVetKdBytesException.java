package dev.subnetsim.chainkey.vetkd;

/**
 * Bytes that are not a well-formed vetKD object (transport key, encrypted key or share): the
 * message names the object, the component ({@code c1}, {@code c2}, {@code c3}) and the check that
 * failed.
 */
public final class MalformedVetKdBytesException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public MalformedVetKdBytesException(String message, Throwable cause) {
    super(message, cause);
  }

  public MalformedVetKdBytesException(String message) {
    super(message);
  }
}
