package dev.subnetsim.replica.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.artifacts.ConsensusMessage;
import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.wire.MessageCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one codec registry: complete, round-tripping, and refusing what is not its kind. */
class WireCodecsTest {
  private final Map<MessageKind, java.util.List<PeerMessage>> samples = PeerMessageSamples.byKind();

  @Test
  void everyKindHasACodecAndASample() {
    assertThat(WireCodecs.codecs()).containsOnlyKeys(MessageKind.values());
    assertThat(samples).containsOnlyKeys(MessageKind.values());
  }

  @Test
  void everyKindRoundTripsThroughItsCodecByteForByte() {
    samples.forEach((kind, messages) -> messages.forEach(m -> {
      byte[] body = WireCodecs.encode(m);
      PeerMessage back = WireCodecs.decode(kind, body);
      assertThat(back.kind()).isEqualTo(kind);
      assertThat(back.getClass()).isEqualTo(m.getClass());
      assertThat(WireCodecs.encode(back)).as(kind.wireName()).isEqualTo(body);
    }));
  }

  @Test
  void everyKindRefusesABodyPastItsBoundNamingTheKind() {
    for (MessageKind kind : MessageKind.values()) {
      byte[] body = new byte[WireCodecs.maxBodyBytes(kind) + 1];
      assertThatThrownBy(() -> WireCodecs.decode(kind, body)).as(kind.wireName())
          .isInstanceOf(MalformedPeerMessageException.class)
          .hasMessageStartingWith(kind.wireName() + ": body of " + body.length + " bytes");
    }
  }

  @Test
  void everyKindRefusesAGarbledBodyWithTheCheckedException() {
    for (MessageKind kind : MessageKind.values()) {
      byte[] garbage = kind == MessageKind.DELEGATION_REQUEST ? new byte[] {1}
          : new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x01, 0x02};
      assertThatThrownBy(() -> WireCodecs.decode(kind, garbage)).as(kind.wireName())
          .isInstanceOf(MalformedPeerMessageException.class)
          .hasMessageStartingWith(kind.wireName() + ": ");
    }
  }

  @Test
  void aConsensusBodyUnderAnotherConsensusLabelIsTheMessageItIs() {
    // As the consensus node has always taken it (the arbitrary node's relabels rely on it).
    byte[] share = MessageCodec.encode(new ConsensusMessage.BeaconShare(7, 2, new byte[48]));
    assertThat(WireCodecs.decode(MessageKind.NOTARIZATION_SHARE, share))
        .isInstanceOfSatisfying(PeerMessage.Consensus.class, c -> {
          assertThat(c.kind()).isEqualTo(MessageKind.BEACON_SHARE);
          assertThat(c.message()).isInstanceOf(ConsensusMessage.BeaconShare.class);
        });
  }

  @Test
  void aConsensusBodyThatDoesNotDecodeKeepsTheCodecsReasonAsItsCause() {
    assertThatThrownBy(() -> WireCodecs.decode(MessageKind.BEACON_SHARE, new byte[] {1, 2, 3}))
        .isInstanceOf(MalformedPeerMessageException.class)
        .hasMessageStartingWith("beacon-share: ")
        .satisfies(e -> assertThat(e.getCause()).isInstanceOf(
            dev.subnetsim.consensus.wire.MalformedMessageException.class));
  }

  @Test
  void aRelayedIngressItemKeepsTheExactBytesItWasDecodedFrom() {
    for (PeerMessage m : samples.get(MessageKind.INGRESS)) {
      byte[] body = WireCodecs.encode(m);
      PeerMessage.Ingress back = (PeerMessage.Ingress) WireCodecs.decode(MessageKind.INGRESS, body);
      assertThat(back.body()).isEqualTo(body).isNotSameAs(body);
      assertThat(back.body()).isEqualTo(back.item().encode());
      body[0] ^= 1;
      assertThat(back.body()).as("a copy, not the caller's array").isEqualTo(back.item().encode());
    }
  }

  @Test
  void aPayloadItemOfAnotherKindIsRefused() {
    byte[] dealing = WireCodecs.encode(samples.get(MessageKind.RESHARE_DEALING).get(0));
    assertThatThrownBy(() -> WireCodecs.decode(MessageKind.XNET_SLICE, dealing))
        .isInstanceOf(MalformedPeerMessageException.class)
        .hasMessage("xnet-slice: body is a ReshareDealing payload item")
        .satisfies(e -> assertThat(((MalformedPeerMessageException) e).wrongItem())
            .contains("ReshareDealing"));
    assertThatThrownBy(() -> WireCodecs.decode(MessageKind.INGRESS, dealing))
        .isInstanceOf(MalformedPeerMessageException.class);
  }

  @Test
  void aBodyThatDoesNotDecodeKeepsItsCauseAndNamesNoWrongItem() {
    assertThatThrownBy(() -> WireCodecs.decode(MessageKind.XNET_SLICE, new byte[] {1, 2, 3}))
        .isInstanceOf(MalformedPeerMessageException.class)
        .satisfies(e -> {
          assertThat(e.getCause()).isNotNull();
          assertThat(((MalformedPeerMessageException) e).wrongItem()).isEmpty();
        });
  }
}
