package dev.subnetsim.chainkey.dkg;

/** A transcript that does not follow from its config and dealings; the message says why. */
public final class InvalidTranscriptException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidTranscriptException(String message) {
    super(message);
  }
}
