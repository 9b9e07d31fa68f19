package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.replica.wire.WireCodecs;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which component handles each peer message kind. Every {@link MessageKind} has exactly one
 * handler, checked when the routes are built: a kind added to the vocabulary without an owner
 * fails at construction, not when a peer first sends it. Each kind's body bound is the codec
 * registry's ({@link WireCodecs}).
 */
public final class MessageRoutes {
  private final EnumMap<MessageKind, PeerMessageHandler> byKind;

  private MessageRoutes(EnumMap<MessageKind, PeerMessageHandler> byKind) {
    this.byKind = byKind;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The handler of {@code kind} (every kind has one). */
  public PeerMessageHandler handlerOf(MessageKind kind) {
    return byKind.get(Objects.requireNonNull(kind, "kind"));
  }

  /**
   * Hands a peer's message to its kind's handler; a body past the kind's bound
   * ({@link WireCodecs#maxBodyBytes}) is refused and attributed to the sender before any decoding.
   */
  public ChangeSet deliver(Envelope envelope, ReplicaView view) {
    return WireCodecs.oversize(envelope.kind(), envelope.payload().length)
        .map(reason -> ChangeSet.rejecting(envelope.from(), reason))
        .orElseGet(() -> handlerOf(envelope.kind()).handle(envelope.from(), envelope.payload(),
            view));
  }

  /** Every kind with its handler, in kind order. */
  public Map<MessageKind, PeerMessageHandler> routes() {
    return Collections.unmodifiableMap(byKind);
  }

  /** Collects the routes; {@link #build} refuses a kind without a handler. */
  public static final class Builder {
    private final EnumMap<MessageKind, PeerMessageHandler> byKind =
        new EnumMap<>(MessageKind.class);

    private Builder() {}

    /** Routes {@code kind} to {@code handler}; a kind has one owner. */
    public Builder route(MessageKind kind, PeerMessageHandler handler) {
      Objects.requireNonNull(handler, "handler");
      if (byKind.putIfAbsent(kind, handler) != null) {
        throw new IllegalArgumentException("message kind " + kind + " already has a handler");
      }
      return this;
    }

    /** Routes each of {@code kinds} to {@code handler}. */
    public Builder routeAll(Set<MessageKind> kinds, PeerMessageHandler handler) {
      kinds.forEach(k -> route(k, handler));
      return this;
    }

    /** @throws IllegalStateException naming the kinds that have no handler */
    public MessageRoutes build() {
      EnumSet<MessageKind> missing = EnumSet.allOf(MessageKind.class);
      missing.removeAll(byKind.keySet());
      if (!missing.isEmpty()) {
        throw new IllegalStateException("message kinds without a handler: " + missing);
      }
      return new MessageRoutes(new EnumMap<>(byKind));
    }
  }
}
