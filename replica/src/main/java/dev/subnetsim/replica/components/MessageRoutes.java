package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.replica.wire.MalformedPeerMessageException;
import dev.subnetsim.replica.wire.PeerMessage;
import dev.subnetsim.replica.wire.SharedDecodes;
import dev.subnetsim.replica.wire.WireCodecs;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which component handles each peer message kind, and the one place a peer's body is decoded.
 * Every {@link MessageKind} has exactly one route, checked when the routes are built: a kind added
 * to the vocabulary without an owner fails at construction, not when a peer first sends it.
 *
 * <p>A body past its kind's bound ({@link WireCodecs}) is refused before any decoding. Every other
 * body, consensus ones included, is decoded here, once, by the registry into its {@link
 * PeerMessage} record and handed to a handler typed for that record, so a body that does not
 * decode is refused and attributed to its sender here and never reaches a handler.
 *
 * <p>A {@linkplain MessageKind#isSubnetLocal subnet-local} kind from a node outside this subnet is
 * refused before decoding, attributed to that node: verifying it against this subnet's keys could
 * only fail, and a verdict remembered for another subnet's artifact must never stand for this one.
 */
public final class MessageRoutes {
  /**
   * What a body that does not decode becomes: the owner's refusal of it, attributed to {@code
   * from} (for most kinds a rejection in the owner's words).
   */
  @FunctionalInterface
  public interface Refusal {
    ChangeSet refuse(NodeId from, MalformedPeerMessageException e);
  }

  /** How one kind is delivered: decoded to a {@code type} record for {@code handler}. */
  public record Route<M extends PeerMessage>(Class<M> type, PeerMessageHandler<M> handler,
      Refusal refusal) {
    public Route {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(handler, "handler");
      Objects.requireNonNull(refusal, "refusal");
    }

    ChangeSet deliver(NodeId from, MessageKind kind, byte[] body, SharedDecodes decodes,
        ReplicaView view) {
      PeerMessage m;
      try {
        m = decodes.decode(kind, body);
      } catch (MalformedPeerMessageException e) {
        return refusal.refuse(from, e);
      }
      if (!type.isInstance(m)) {
        // The registry decodes each kind to one record type; a mismatch is a wiring bug.
        throw new IllegalStateException(kind + " decoded to " + m.getClass().getSimpleName()
            + ", routed as " + type.getSimpleName());
      }
      return handler.handle(from, type.cast(m), view);
    }
  }

  private final EnumMap<MessageKind, Route<?>> byKind;
  private final String subnet;
  private final Set<NodeId> members;
  private final SharedDecodes decodes;

  private MessageRoutes(EnumMap<MessageKind, Route<?>> byKind, String subnet,
      Set<NodeId> members, SharedDecodes decodes) {
    this.byKind = byKind;
    this.subnet = subnet;
    this.members = members;
    this.decodes = decodes;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The route of {@code kind} (every kind has one). */
  public Route<?> routeOf(MessageKind kind) {
    return byKind.get(Objects.requireNonNull(kind, "kind"));
  }

  /**
   * Hands a peer's message to its kind's handler: refused and attributed to the sender if past
   * the kind's bound ({@link WireCodecs#maxBodyBytes}) or if it does not decode.
   */
  public ChangeSet deliver(Envelope envelope, ReplicaView view) {
    MessageKind kind = envelope.kind();
    byte[] body = envelope.payload();
    if (kind.isSubnetLocal() && !members.contains(envelope.from())) {
      return ChangeSet.rejecting(envelope.from(), kind + " from " + envelope.from()
          + ", which is not a member of subnet " + subnet);
    }
    var tooLong = WireCodecs.oversize(kind, body.length);
    if (tooLong.isPresent()) {
      return ChangeSet.rejecting(envelope.from(), tooLong.get());
    }
    return routeOf(kind).deliver(envelope.from(), kind, body, decodes, view);
  }

  /** Every kind with its route, in kind order. */
  public Map<MessageKind, Route<?>> routes() {
    return Collections.unmodifiableMap(byKind);
  }

  /** Collects the routes; {@link #build} refuses a kind without a handler. */
  public static final class Builder {
    private final EnumMap<MessageKind, Route<?>> byKind = new EnumMap<>(MessageKind.class);
    private String subnet;
    private Set<NodeId> members;
    private SharedDecodes decodes = new SharedDecodes();

    private Builder() {}

    /**
     * Large bodies decoded once for every replica given the same {@code decodes} (the subnet's);
     * by default this replica's own.
     */
    public Builder sharing(SharedDecodes decodes) {
      this.decodes = Objects.requireNonNull(decodes, "decodes");
      return this;
    }

    /** The receiver's subnet and its members: the only senders of subnet-local kinds. */
    public Builder members(String subnet, Collection<NodeId> members) {
      this.subnet = Objects.requireNonNull(subnet, "subnet");
      this.members = Collections.unmodifiableSet(new TreeSet<>(members));
      return this;
    }

    /**
     * Routes every consensus kind, decoded to a consensus message, to {@code handler}; a body that
     * does not decode becomes what {@code refusal} makes of it.
     */
    public Builder consensus(PeerMessageHandler<PeerMessage.Consensus> handler, Refusal refusal) {
      Route<PeerMessage.Consensus> route = new Route<>(PeerMessage.Consensus.class, handler,
          refusal);
      MessageKind.consensusKinds().forEach(k -> put(k, route));
      return this;
    }

    /**
     * Routes {@code kind}, decoded to {@code type}, to {@code handler}; a body that does not
     * decode is refused for the registry's reason (which names the kind).
     */
    public <M extends PeerMessage> Builder route(MessageKind kind, Class<M> type,
        PeerMessageHandler<M> handler) {
      return route(kind, type, handler, Throwable::getMessage);
    }

    /** As {@link #route(MessageKind, Class, PeerMessageHandler)}, refusing for {@code malformed}. */
    public <M extends PeerMessage> Builder route(MessageKind kind, Class<M> type,
        PeerMessageHandler<M> handler, Function<MalformedPeerMessageException, String> malformed) {
      if (MessageKind.consensusKinds().contains(kind)) {
        throw new IllegalArgumentException("consensus kind " + kind
            + " goes to the consensus node (routed by consensus(...))");
      }
      Objects.requireNonNull(malformed, "malformed");
      put(kind, new Route<>(type, handler,
          (from, e) -> ChangeSet.rejecting(from, malformed.apply(e))));
      return this;
    }

    private void put(MessageKind kind, Route<?> route) {
      if (byKind.putIfAbsent(kind, route) != null) {
        throw new IllegalArgumentException("message kind " + kind + " already has a handler");
      }
    }

    /**
     * @throws IllegalStateException naming the kinds that have no handler, or if the subnet's
     *     members were not given
     */
    public MessageRoutes build() {
      if (members == null) {
        throw new IllegalStateException("the subnet's members were not given (members(...))");
      }
      EnumSet<MessageKind> missing = EnumSet.allOf(MessageKind.class);
      missing.removeAll(byKind.keySet());
      if (!missing.isEmpty()) {
        throw new IllegalStateException("message kinds without a handler: " + missing);
      }
      return new MessageRoutes(new EnumMap<>(byKind), subnet, members, decodes);
    }
  }
}
