package dev.subnetsim.consensus;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import java.util.Objects;

/**
 * A replica threw while handling something a peer sent it (a gossiped message, or a block payload
 * item whose maker is the peer). Nothing a peer sends may make a replica throw, so this is never
 * caught to carry on: it names the culprit for the run's {@code replica-robustness} finding.
 *
 * @param sender the peer whose input was being handled
 * @param kind the kind of that input (a wire message kind, or "block payload at height h")
 */
public final class PeerInputFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final NodeId sender;
  private final String kind;

  public PeerInputFailure(NodeId sender, String kind, Throwable cause) {
    super("handling " + kind + " from " + sender + ": " + cause, cause);
    this.sender = Objects.requireNonNull(sender, "sender");
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public NodeId sender() {
    return sender;
  }

  public String kind() {
    return kind;
  }

  /**
   * Runs {@code handler} on a peer message of {@code kind}, attributing any exception it throws to
   * {@code sender}; a failure that is already attributed (a nested handler knew better) passes
   * through unchanged.
   */
  public static <T> T attributed(NodeId sender, MessageKind kind,
      java.util.function.Supplier<T> handler) {
    return attributed(sender, kind.wireName(), handler);
  }

  /** As {@link #attributed(NodeId, MessageKind, java.util.function.Supplier)}, for any input. */
  public static <T> T attributed(NodeId sender, String kind, java.util.function.Supplier<T> handler) {
    try {
      return handler.get();
    } catch (PeerInputFailure e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new PeerInputFailure(sender, kind, e);
    }
  }
}
