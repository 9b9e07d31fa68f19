package dev.subnetsim.replica.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.replica.wire.proto.GossipEnvelope;
import java.util.Arrays;

/**
 * An {@link Envelope} to and from the bytes of {@code gossip.proto}'s {@code GossipEnvelope}: the
 * frame cluster mode puts on the network (the simulator passes envelopes as objects and charges
 * links {@link Envelope#wireSize}). Decoding accepts only a known kind, a body within the kind's
 * bound ({@link WireCodecs}) and the canonical encoding; the body itself is decoded by its
 * receiver.
 */
public final class GossipCodec {
  private GossipCodec() {}

  public static byte[] encode(Envelope e) {
    return GossipEnvelope.newBuilder().setFrom(e.from().value()).setTo(e.to().value())
        .setKind(e.kind().wireName()).setPayload(ByteString.copyFrom(e.payload())).build()
        .toByteArray();
  }

  /** @throws MalformedBytesException naming what is wrong with the frame */
  public static Envelope decode(byte[] bytes) {
    GossipEnvelope p;
    try {
      p = GossipEnvelope.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedBytesException("not a GossipEnvelope protobuf: " + e.getMessage());
    }
    MessageKind kind = MessageKind.fromWireName(p.getKind()).orElseThrow(
        () -> new MalformedBytesException("gossip envelope of unknown kind '" + p.getKind() + "'"));
    WireCodecs.oversize(kind, p.getPayload().size()).ifPresent(reason -> {
      throw new MalformedPeerMessageException(reason);
    });
    if (p.getFrom() < 0 || p.getTo() < 0) {
      throw new MalformedBytesException("gossip envelope with a node id past 2^31");
    }
    Envelope e = new Envelope(new NodeId(p.getFrom()), new NodeId(p.getTo()), kind,
        p.getPayload().toByteArray());
    if (!Arrays.equals(encode(e), bytes)) {
      throw new MalformedBytesException("gossip envelope not in its canonical encoding");
    }
    return e;
  }
}
