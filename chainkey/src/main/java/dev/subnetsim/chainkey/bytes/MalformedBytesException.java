package dev.subnetsim.chainkey.bytes;

/**
 * Bytes that are not a canonical encoding: truncated, trailing, or a field out of range. The
 * message names the object and the field. An IllegalArgumentException, so callers that already
 * rejected bad input that way keep doing so; formats with their own exception subclass it.
 */
public class MalformedBytesException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public MalformedBytesException(String message) {
    super(message);
  }

  public MalformedBytesException(String message, Throwable cause) {
    super(message, cause);
  }
}
