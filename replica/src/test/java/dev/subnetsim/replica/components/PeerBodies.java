package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.replica.wire.MalformedPeerMessageException;
import dev.subnetsim.replica.wire.PeerMessage;
import dev.subnetsim.replica.wire.WireCodecs;
import java.util.function.Function;

/** For component tests: a body as the routes would hand it on, or the reason they would refuse it. */
final class PeerBodies {
  private PeerBodies() {}

  /** {@code body} decoded by the registry, as its handler receives it. */
  static <M extends PeerMessage> M decoded(MessageKind kind, byte[] body, Class<M> type) {
    return type.cast(WireCodecs.decode(kind, body));
  }

  /**
   * The reason a body that does not decode is refused for, worded by {@code owner}.
   *
   * @throws AssertionError if the body decodes
   */
  static String refusal(MessageKind kind, byte[] body,
      Function<MalformedPeerMessageException, String> owner) {
    try {
      WireCodecs.decode(kind, body);
    } catch (MalformedPeerMessageException e) {
      return owner.apply(e);
    }
    throw new AssertionError(kind + " body decodes");
  }
}
