package dev.subnetsim.replica.wire;

import dev.subnetsim.chainkey.certification.Certificate;
import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.wire.MessageCodec;
import dev.subnetsim.replica.chainkey.ChainKeyShareMessage;
import dev.subnetsim.replica.payload.PayloadItem;
import java.util.Objects;

/**
 * Every message replicas send each other, typed: thin records around the existing typed messages,
 * each knowing its {@link MessageKind} and its body (the bytes after the envelope's frame). The
 * bodies are the formats of docs/FORMATS.md; {@link WireCodecs} decodes them by kind.
 */
public sealed interface PeerMessage {

  MessageKind kind();

  /** The body as sent: the typed message's own encoding. */
  byte[] encode();

  /**
   * A consensus artifact (its protobuf form, {@link MessageCodec}); its kind is the message's,
   * whichever consensus label it arrived under.
   */
  record Consensus(ConsensusMessage message) implements PeerMessage {
    public Consensus {
      Objects.requireNonNull(message, "message");
    }

    public MessageKind kind() {
      return message.kind();
    }

    public byte[] encode() {
      return MessageCodec.encode(message);
    }
  }

  /** A message around one payload item; its body is the item's canonical encoding. */
  sealed interface OfItem extends PeerMessage {
    PayloadItem item();

    default byte[] encode() {
      return item().encode();
    }
  }

  /**
   * A client's message relayed to the subnet: signed load or a signed ingress envelope, with the
   * body it was decoded from. The item's bytes are its identity (in the ingress pool and the
   * block), so they pass on as received rather than re-encoded.
   *
   * @param body the item's canonical encoding ({@link WireCodecs} decodes only that)
   */
  record Ingress(PayloadItem item, byte[] body) implements OfItem {
    public Ingress {
      if (!(item instanceof PayloadItem.Workload || item instanceof PayloadItem.Ingress)) {
        throw new IllegalArgumentException("ingress is load or a signed call, not " + item);
      }
      body = body.clone();
    }

    /** {@code item} to send, with its encoding as the body. */
    public Ingress(PayloadItem item) {
      this(item, item.encode());
    }

    public MessageKind kind() {
      return MessageKind.INGRESS;
    }

    @Override
    public byte[] encode() {
      return body.clone();
    }
  }

  /** A certified stream slice for the receiver's subnet. */
  record XNetSlice(PayloadItem.XNet item) implements OfItem {
    public XNetSlice {
      Objects.requireNonNull(item, "item");
    }

    public MessageKind kind() {
      return MessageKind.XNET_SLICE;
    }
  }

  /**
   * A source replica's dealing of a chain key being reshared, with the body it was decoded from.
   *
   * @param body the item's canonical encoding, which the receiver proposes as it is: every receiver
   *     of one broadcast holds the same array (never modified), not a copy of its own, so n
   *     simulated replicas keep one copy of a dealing of many kilobytes rather than n
   */
  record ReshareDealing(PayloadItem.ReshareDealing item, byte[] body) implements OfItem {
    public ReshareDealing {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(body, "body");
    }

    /** {@code item} to send, with its encoding as the body. */
    public ReshareDealing(PayloadItem.ReshareDealing item) {
      this(item, item.encode());
    }

    public MessageKind kind() {
      return MessageKind.RESHARE_DEALING;
    }
  }

  /**
   * A signing replica's dealing for a presignature transcript, with the body it was decoded from.
   *
   * @param body the item's canonical encoding, shared by every receiver as for {@link
   *     ReshareDealing#body}
   */
  record PresignatureDealing(PayloadItem.PresignatureDealing item, byte[] body)
      implements OfItem {
    public PresignatureDealing {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(body, "body");
    }

    /** {@code item} to send, with its encoding as the body. */
    public PresignatureDealing(PayloadItem.PresignatureDealing item) {
      this(item, item.encode());
    }

    public MessageKind kind() {
      return MessageKind.PRESIGNATURE_DEALING;
    }
  }

  /** A replica's share for one pending chain-key request. */
  record ChainKeyShare(ChainKeyShareMessage share) implements PeerMessage {
    public ChainKeyShare {
      Objects.requireNonNull(share, "share");
    }

    public MessageKind kind() {
      return MessageKind.CHAINKEY_SHARE;
    }

    public byte[] encode() {
      return share.encode();
    }
  }

  /** A non-root replica asks a root replica for its subnet's delegation; the body is empty. */
  record DelegationRequest() implements PeerMessage {
    public MessageKind kind() {
      return MessageKind.DELEGATION_REQUEST;
    }

    public byte[] encode() {
      return new byte[0];
    }
  }

  /** A root replica's answer: the delegation certificate (CBOR). */
  record Delegation(Certificate certificate) implements PeerMessage {
    public Delegation {
      Objects.requireNonNull(certificate, "certificate");
    }

    public MessageKind kind() {
      return MessageKind.DELEGATION;
    }

    public byte[] encode() {
      return certificate.encode();
    }
  }
}
