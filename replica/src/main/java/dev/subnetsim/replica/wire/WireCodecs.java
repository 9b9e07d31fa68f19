package dev.subnetsim.replica.wire;

import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.wire.MalformedMessageException;
import dev.subnetsim.consensus.wire.MessageCodec;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import dev.subnetsim.replica.payload.PayloadItem;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one codec registry of the wire: for every {@link MessageKind}, the largest body a receiver
 * accepts and the decoder from body bytes to a {@link PeerMessage}. Built complete or not at all
 * (a kind without a codec fails when the class loads). Every decoder rejects bytes that are not a
 * message of its kind with {@link MalformedPeerMessageException}; a payload item of another kind
 * than its label is rejected too, while a consensus body is the consensus message it decodes to
 * under any consensus label (see {@link #consensus}).
 */
public final class WireCodecs {
  private static final int KIB = 1 << 10;
  private static final int MIB = 1 << 20;

  /** One kind's codec: its body bound and its decoder. */
  public record Codec(MessageKind kind, int maxBodyBytes, Decoder decoder) {
    public Codec {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(decoder, "decoder");
      if (maxBodyBytes < 0) {
        throw new IllegalArgumentException("negative body bound for " + kind);
      }
    }
  }

  /** Decodes a body already within its kind's bound; throws on anything else. */
  @FunctionalInterface
  public interface Decoder {
    PeerMessage decode(MessageKind kind, byte[] body);
  }

  private static final Map<MessageKind, Codec> CODECS = table();

  private WireCodecs() {}

  /**
   * The bounds: honest bodies stay well inside them (a share is under 1 KiB, a block a few hundred
   * KiB, a catch-up response carries a whole state); a body past its bound is refused before any
   * decoding.
   */
  private static Map<MessageKind, Codec> table() {
    EnumMap<MessageKind, Codec> t = new EnumMap<>(MessageKind.class);
    put(t, MessageKind.BLOCK_PROPOSAL, 16 * MIB, WireCodecs::consensus);
    put(t, MessageKind.DKG_ITEM, MIB, WireCodecs::consensus);
    put(t, MessageKind.BEACON_SHARE, 64 * KIB, WireCodecs::consensus);
    put(t, MessageKind.RANDOM_BEACON, 64 * KIB, WireCodecs::consensus);
    put(t, MessageKind.NOTARIZATION_SHARE, 64 * KIB, WireCodecs::consensus);
    put(t, MessageKind.NOTARIZATION, 64 * KIB, WireCodecs::consensus);
    put(t, MessageKind.FINALIZATION_SHARE, 64 * KIB, WireCodecs::consensus);
    put(t, MessageKind.FINALIZATION, 64 * KIB, WireCodecs::consensus);
    put(t, MessageKind.CERTIFICATION_SHARE, 64 * KIB, WireCodecs::consensus);
    put(t, MessageKind.CERTIFICATION, 64 * KIB, WireCodecs::consensus);
    put(t, MessageKind.CUP_SHARE, 64 * KIB, WireCodecs::consensus);
    put(t, MessageKind.EQUIVOCATION_PROOF, 32 * MIB, WireCodecs::consensus);
    put(t, MessageKind.CUP_REQUEST, KIB, WireCodecs::consensus);
    put(t, MessageKind.CUP_RESPONSE, 256 * MIB, WireCodecs::consensus);
    put(t, MessageKind.INGRESS, 2 * MIB, (k, b) -> {
      PayloadItem item = item(k, b);
      if (!(item instanceof PayloadItem.Workload || item instanceof PayloadItem.Ingress)) {
        throw notA(k, item);
      }
      // The item decoded only from its canonical encoding: these bytes are the item's.
      return new PeerMessage.Ingress(item, b);
    });
    put(t, MessageKind.XNET_SLICE, 8 * MIB,
        (k, b) -> new PeerMessage.XNetSlice(item(k, b, PayloadItem.XNet.class)));
    put(t, MessageKind.CHAINKEY_SHARE, 64 * KIB, (k, b) -> {
      try {
        return new PeerMessage.ChainKeyShare(ChainKeyShareMessage.decode(b));
      } catch (IllegalArgumentException e) {
        throw new MalformedPeerMessageException(k, e);
      }
    });
    // Dealings keep their body (the canonical encoding): the receivers propose it as it is.
    put(t, MessageKind.RESHARE_DEALING, MIB,
        (k, b) -> new PeerMessage.ReshareDealing(item(k, b, PayloadItem.ReshareDealing.class), b));
    put(t, MessageKind.PRESIGNATURE_DEALING, MIB, (k, b) -> new PeerMessage.PresignatureDealing(
        item(k, b, PayloadItem.PresignatureDealing.class), b));
    put(t, MessageKind.DELEGATION_REQUEST, 0, (k, b) -> new PeerMessage.DelegationRequest());
    put(t, MessageKind.DELEGATION, 256 * KIB, (k, b) -> {
      try {
        return new PeerMessage.Delegation(Certificate.decode(b));
      } catch (RuntimeException e) {
        throw new MalformedPeerMessageException(k, e);
      }
    });
    for (MessageKind k : MessageKind.values()) {
      if (!t.containsKey(k)) {
        throw new IllegalStateException("message kind " + k + " has no codec");
      }
    }
    return Collections.unmodifiableMap(t);
  }

  private static void put(EnumMap<MessageKind, Codec> t, MessageKind kind, int max, Decoder d) {
    if (t.put(kind, new Codec(kind, max, d)) != null) {
      throw new IllegalStateException("message kind " + kind + " has two codecs");
    }
  }

  /** Every kind's codec, in kind order. */
  public static Map<MessageKind, Codec> codecs() {
    return CODECS;
  }

  public static int maxBodyBytes(MessageKind kind) {
    return CODECS.get(kind).maxBodyBytes();
  }

  /**
   * Why a body of {@code length} bytes is refused for {@code kind} (the reason names the kind), or
   * empty if it is within the kind's bound.
   */
  public static Optional<String> oversize(MessageKind kind, int length) {
    int max = maxBodyBytes(kind);
    return length <= max ? Optional.empty() : Optional.of(kind + ": body of " + length
        + " bytes exceeds the kind's bound of " + max);
  }

  /**
   * Decodes a body received under {@code kind}.
   *
   * @throws MalformedPeerMessageException if it is past the kind's bound or not a message of it
   */
  public static PeerMessage decode(MessageKind kind, byte[] body) {
    Optional<String> tooLong = oversize(kind, body.length);
    if (tooLong.isPresent()) {
      throw new MalformedPeerMessageException(tooLong.get());
    }
    return CODECS.get(kind).decoder().decode(kind, body);
  }

  /** The body of {@code m} (its typed encoding). */
  public static byte[] encode(PeerMessage m) {
    return m.encode();
  }

  /**
   * A consensus body as the consensus message it is, under any consensus label (whose bound was
   * applied): the node judges a message by what it is, and has always taken a body relabelled as
   * another consensus kind for what it is, so refusing one would change how replicas meet an
   * arbitrary node's relabels.
   */
  private static PeerMessage consensus(MessageKind kind, byte[] body) {
    try {
      return new PeerMessage.Consensus(MessageCodec.decode(body));
    } catch (MalformedMessageException e) {
      // Only the codec's own refusal: anything else it threw would be a bug, left to surface
      // attributed to the sender (the replica-robustness finding), not passed off as malformed.
      throw new MalformedPeerMessageException(kind, e);
    }
  }

  private static PayloadItem item(MessageKind kind, byte[] body) {
    try {
      return PayloadItem.decode(body);
    } catch (RuntimeException e) {
      throw new MalformedPeerMessageException(kind, e);
    }
  }

  /** A payload item of {@code type}, or malformed. */
  private static <T extends PayloadItem> T item(MessageKind kind, byte[] body, Class<T> type) {
    PayloadItem item = item(kind, body);
    if (!type.isInstance(item)) {
      throw notA(kind, item);
    }
    return type.cast(item);
  }

  private static MalformedPeerMessageException notA(MessageKind kind, PayloadItem item) {
    return MalformedPeerMessageException.wrongItem(kind, item.getClass().getSimpleName());
  }
}
