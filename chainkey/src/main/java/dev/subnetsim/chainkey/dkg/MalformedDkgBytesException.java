package dev.subnetsim.chainkey.dkg;

import dev.subnetsim.chainkey.bytes.MalformedBytesException;

/**
 * Bytes that are not the canonical encoding of a DKG object. The message names the object and the
 * field (e.g. {@code "dealing: ciphertext 3: scalar is not below the group order r"}).
 */
public final class MalformedDkgBytesException extends MalformedBytesException {

  private static final long serialVersionUID = 1L;

  public MalformedDkgBytesException(String message) {
    super(message);
  }

  public MalformedDkgBytesException(String message, Throwable cause) {
    super(message, cause);
  }
}
