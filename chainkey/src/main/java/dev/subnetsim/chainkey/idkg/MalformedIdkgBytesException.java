package dev.subnetsim.chainkey.idkg;

/** IDKG bytes (a dealing, complaint or opening) that do not decode; says what is wrong. */
public final class MalformedIdkgBytesException extends RuntimeException {
  public MalformedIdkgBytesException(String message) {
    super(message);
  }
}
