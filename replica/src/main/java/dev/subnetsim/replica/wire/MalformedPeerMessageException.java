package dev.subnetsim.replica.wire;

import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import dev.subnetsim.consensus.types.MessageKind;

/** A peer message body that is not a message of its kind; names the kind and what was wrong. */
public final class MalformedPeerMessageException extends MalformedBytesException {
  private static final long serialVersionUID = 1L;

  public MalformedPeerMessageException(MessageKind kind, String what) {
    this(kind.wireName() + ": " + what);
  }

  /** @param message already naming the kind */
  MalformedPeerMessageException(String message) {
    super(message);
  }

  public MalformedPeerMessageException(MessageKind kind, Throwable cause) {
    super(kind.wireName() + ": " + cause.getMessage(), cause);
  }
}
