package dev.subnetsim.consensus.wire;

/** Bytes from the network that do not decode as a consensus message. */
public final class MalformedMessageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedMessageException(String message) {
    super(message);
  }
}
