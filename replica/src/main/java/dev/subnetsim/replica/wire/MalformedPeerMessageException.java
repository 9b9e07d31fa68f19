package dev.subnetsim.replica.wire;

import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import dev.subnetsim.consensus.types.MessageKind;
import java.util.Optional;

/**
 * A peer message body that is not a message of its kind; names the kind and what was wrong. The
 * cause, if any, is why the body did not decode at all; {@link #wrongItem} names the payload item a
 * body decoded to when that item is not one its kind carries.
 */
public final class MalformedPeerMessageException extends MalformedBytesException {
  private static final long serialVersionUID = 1L;

  private final String wrongItem;

  public MalformedPeerMessageException(MessageKind kind, String what) {
    this(kind.wireName() + ": " + what, (String) null);
  }

  /** @param message already naming the kind */
  MalformedPeerMessageException(String message) {
    this(message, (String) null);
  }

  private MalformedPeerMessageException(String message, String wrongItem) {
    super(message);
    this.wrongItem = wrongItem;
  }

  public MalformedPeerMessageException(MessageKind kind, Throwable cause) {
    super(kind.wireName() + ": " + cause.getMessage(), cause);
    this.wrongItem = null;
  }

  /** A body that decoded to a payload item of type {@code item}, which {@code kind} does not carry. */
  static MalformedPeerMessageException wrongItem(MessageKind kind, String item) {
    return new MalformedPeerMessageException(kind.wireName() + ": body is a " + item
        + " payload item", item);
  }

  /** The simple name of the payload item the body decoded to, if that was what was wrong. */
  public Optional<String> wrongItem() {
    return Optional.ofNullable(wrongItem);
  }
}
