package dev.subnetsim.replica.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.subnetsim.chainkey.bytes.MalformedBytesException;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.replica.wire.proto.GossipEnvelope;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The gossip frame cluster mode puts on the network: every kind round-trips, and only that. */
class GossipCodecTest {
  private static final NodeId A = new NodeId(3);
  private static final NodeId B = new NodeId(70_000);

  @Test
  void everySampleOfEveryKindRoundTripsThroughTheGossipFrame() {
    for (PeerMessage m : PeerMessageSamples.all()) {
      Envelope e = new Envelope(A, B, m.kind(), WireCodecs.encode(m));
      Envelope back = GossipCodec.decode(GossipCodec.encode(e));
      assertThat(back).as(m.kind().wireName()).isEqualTo(e);
      assertThat(WireCodecs.encode(WireCodecs.decode(back.kind(), back.payload())))
          .isEqualTo(e.payload());
    }
  }

  @Test
  void theFrameIsTheProtobufOfFromToWireNameAndBody() {
    Envelope e = new Envelope(new NodeId(1), new NodeId(2), MessageKind.INGRESS, new byte[] {9});
    // 08 01 (from 1), 10 02 (to 2), 1a 07 "ingress", 22 01 09 (payload)
    assertThat(HexFormat.of().formatHex(GossipCodec.encode(e)))
        .isEqualTo("080110021a07696e67726573732201" + "09");
  }

  @Test
  void anUnknownKindIsRefusedByName() {
    byte[] b = GossipEnvelope.newBuilder().setFrom(1).setTo(2).setKind("ping").build()
        .toByteArray();
    assertThatThrownBy(() -> GossipCodec.decode(b)).isInstanceOf(MalformedBytesException.class)
        .hasMessageContaining("unknown kind 'ping'");
  }

  @Test
  void aBodyPastItsKindsBoundIsRefusedBeforeTheReceiverSeesIt() {
    byte[] b = GossipEnvelope.newBuilder().setFrom(1).setTo(2).setKind("delegation-request")
        .setPayload(ByteString.copyFrom(new byte[] {1})).build().toByteArray();
    assertThatThrownBy(() -> GossipCodec.decode(b))
        .isInstanceOf(MalformedPeerMessageException.class)
        .hasMessageContaining("delegation-request: body of 1 bytes exceeds");
  }

  @Test
  void garbageAndNonCanonicalFramesAreRefused() {
    assertThatThrownBy(() -> GossipCodec.decode(new byte[] {(byte) 0xff, 1}))
        .isInstanceOf(MalformedBytesException.class).hasMessageContaining("not a GossipEnvelope");
    byte[] canonical = GossipCodec.encode(new Envelope(A, B, MessageKind.CUP_REQUEST,
        new byte[] {8, 5}));
    byte[] withUnknownField = java.util.Arrays.copyOf(canonical, canonical.length + 2);
    withUnknownField[canonical.length] = 0x28; // field 5, varint
    withUnknownField[canonical.length + 1] = 1;
    assertThatThrownBy(() -> GossipCodec.decode(withUnknownField))
        .isInstanceOf(MalformedBytesException.class).hasMessageContaining("canonical");
  }
}
