package dev.subnetsim.replica.payload;

/** A payload item whose bytes do not decode; says what was wrong. */
public final class MalformedPayloadItemException extends RuntimeException {
  public MalformedPayloadItemException(String message) {
    super(message);
  }
}
