package dev.subnetsim.chainkey.idkg;

import dev.subnetsim.chainkey.bytes.MalformedBytesException;

/**
 * IDKG bytes (a dealing, complaint or opening) that do not decode; says what is wrong. One of the
 * {@link MalformedBytesException} family, so an IllegalArgumentException too.
 */
public final class MalformedIdkgBytesException extends MalformedBytesException {

  private static final long serialVersionUID = 1L;

  public MalformedIdkgBytesException(String message) {
    super(message);
  }
}
