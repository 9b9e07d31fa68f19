package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.Rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.net.Envelope;
import dev.subnetsim.replica.wire.PeerMessage;
import dev.subnetsim.replica.wire.PeerMessageSamples;
import dev.subnetsim.replica.wire.WireCodecs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageRoutesTest {
  private static final NodeId PEER = new NodeId(4);
  private static final NodeId ME = new NodeId(1);

  /** What reached a handler: the routes hand over records, never undecoded bodies. */
  private final List<Object> seen = new ArrayList<>();

  private <M extends PeerMessage> PeerMessageHandler<M> recording() {
    return (from, m, view) -> {
      seen.add(m);
      return ChangeSet.EMPTY;
    };
  }

  /** A node of another subnet. */
  private static final NodeId STRANGER = new NodeId(40);

  private MessageRoutes.Builder allButXNet() {
    return MessageRoutes.builder()
        .members("app", List.of(ME, new NodeId(2), new NodeId(3), PEER))
        .consensus(recording(), (from, e) -> ChangeSet.rejecting(from,
            "consensus refuses: " + e.getMessage()))
        .route(MessageKind.INGRESS, PeerMessage.Ingress.class, recording())
        .route(MessageKind.CHAINKEY_SHARE, PeerMessage.ChainKeyShare.class, recording())
        .route(MessageKind.RESHARE_DEALING, PeerMessage.ReshareDealing.class, recording())
        .route(MessageKind.PRESIGNATURE_DEALING, PeerMessage.PresignatureDealing.class,
            recording())
        .route(MessageKind.DELEGATION_REQUEST, PeerMessage.DelegationRequest.class, recording())
        .route(MessageKind.DELEGATION, PeerMessage.Delegation.class, recording());
  }

  private MessageRoutes all() {
    return allButXNet().route(MessageKind.XNET_SLICE, PeerMessage.XNetSlice.class, recording(),
        e -> "not a slice, says xnet: " + e.getMessage()).build();
  }

  private static ChangeSet deliver(MessageRoutes routes, MessageKind kind, byte[] body) {
    return routes.deliver(new Envelope(PEER, ME, kind, body), null);
  }

  @Test
  void everyKindsSampleReachesItsHandlerDecodedToItsRecord() {
    MessageRoutes routes = all();
    PeerMessageSamples.byKind().forEach((kind, samples) -> samples.forEach(m -> {
      seen.clear();
      assertThat(deliver(routes, kind, WireCodecs.encode(m)).rejections()).as(kind.wireName())
          .isEmpty();
      // Records holding arrays compare by identity: compared by their encoding instead.
      assertThat(seen).as(kind.wireName()).singleElement()
          .isInstanceOfSatisfying(m.getClass(), d -> assertThat(((PeerMessage) d).encode())
              .isEqualTo(m.encode()));
    }));
  }

  @Test
  void aHandlerNeverSeesABodyThatDoesNotDecodeAndTheSenderIsBlamed() {
    MessageRoutes routes = all();
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, 0x01, 0x02};
    for (MessageKind kind : MessageKind.values()) {
      byte[] body = kind == MessageKind.DELEGATION_REQUEST ? new byte[] {1} : garbage;
      List<Rejection> rejections = deliver(routes, kind, body).rejections();
      assertThat(rejections).as(kind.wireName()).singleElement()
          .extracting(Rejection::sender).isEqualTo(PEER);
    }
    assertThat(seen).isEmpty();
  }

  @Test
  void aBodyThatDoesNotDecodeIsRefusedInItsOwnersWords() {
    PeerMessage dealing = PeerMessageSamples.byKind().get(MessageKind.RESHARE_DEALING).get(0);
    assertThat(deliver(all(), MessageKind.XNET_SLICE, WireCodecs.encode(dealing)).rejections())
        .singleElement().extracting(Rejection::reason)
        .isEqualTo("not a slice, says xnet: xnet-slice: body is a ReshareDealing payload item");
    assertThat(deliver(all(), MessageKind.CHAINKEY_SHARE, new byte[] {1, 2}).rejections())
        .singleElement().extracting(Rejection::reason).asString()
        .startsWith("chainkey-share: ");
    assertThat(seen).isEmpty();
  }

  @Test
  void aBodyPastItsKindsBoundIsRefusedBeforeAnyHandler() {
    byte[] big = new byte[WireCodecs.maxBodyBytes(MessageKind.CUP_REQUEST) + 1];
    assertThat(deliver(all(), MessageKind.CUP_REQUEST, big).rejections()).singleElement()
        .satisfies(r -> {
          assertThat(r.sender()).isEqualTo(PEER);
          assertThat(r.reason()).contains("exceeds the kind's bound");
        });
    assertThat(seen).isEmpty();
  }

  @Test
  void everyKindHasARouteConsensusKindsDecodedToConsensusMessages() {
    MessageRoutes routes = all();
    assertThat(routes.routes()).containsOnlyKeys(MessageKind.values());
    for (MessageKind kind : MessageKind.consensusKinds()) {
      assertThat(routes.routeOf(kind).type()).isEqualTo(PeerMessage.Consensus.class);
    }
    assertThat(routes.routeOf(MessageKind.XNET_SLICE).type())
        .isEqualTo(PeerMessage.XNetSlice.class);
  }

  @Test
  void aConsensusBodyThatDoesNotDecodeIsRefusedByTheConsensusRefusalNeverHandled() {
    ChangeSet c = deliver(all(), MessageKind.FINALIZATION, new byte[] {(byte) 0xff, 0x01});
    assertThat(c.rejections()).singleElement().satisfies(r -> {
      assertThat(r.sender()).isEqualTo(PEER);
      assertThat(r.reason()).startsWith("consensus refuses: finalization: ");
    });
    assertThat(seen).isEmpty();
  }

  @Test
  void aConsensusBodyIsHandedOnAsTheMessageItIsWhateverConsensusLabelItCameUnder() {
    var share = new dev.subnetsim.consensus.artifacts.ConsensusMessage.BeaconShare(7, 2,
        new byte[48]);
    ChangeSet c = deliver(all(), MessageKind.NOTARIZATION_SHARE,
        dev.subnetsim.consensus.wire.MessageCodec.encode(share));
    assertThat(c.rejections()).isEmpty();
    assertThat(seen).singleElement().isInstanceOfSatisfying(PeerMessage.Consensus.class,
        m -> assertThat(m.kind()).isEqualTo(MessageKind.BEACON_SHARE));
  }

  @Test
  void aSubnetLocalKindFromANodeOfAnotherSubnetIsRefusedBeforeDecodingAndBlamedOnIt() {
    MessageRoutes routes = all();
    PeerMessageSamples.byKind().forEach((kind, samples) -> {
      ChangeSet c = routes.deliver(new Envelope(STRANGER, ME, kind,
          WireCodecs.encode(samples.get(0))), null);
      if (kind.isSubnetLocal()) {
        assertThat(c.rejections()).as(kind.wireName()).singleElement().satisfies(r -> {
          assertThat(r.sender()).isEqualTo(STRANGER);
          assertThat(r.reason()).isEqualTo(kind.wireName() + " from " + STRANGER
              + ", which is not a member of subnet app");
        });
      } else {
        assertThat(c.rejections()).as(kind.wireName()).isEmpty();
      }
    });
    assertThat(seen).as("only the kinds that cross subnets reached a handler")
        .hasSize((int) PeerMessageSamples.byKind().keySet().stream()
            .filter(k -> !k.isSubnetLocal()).count());
  }

  @Test
  void consensusIngressChainKeySharesAndPresignatureDealingsAreSubnetLocalTheRestCrossSubnets() {
    assertThat(MessageKind.consensusKinds()).allMatch(MessageKind::isSubnetLocal);
    assertThat(java.util.EnumSet.allOf(MessageKind.class).stream()
        .filter(k -> !k.isSubnetLocal()).toList()).containsExactlyInAnyOrder(
            MessageKind.XNET_SLICE, MessageKind.RESHARE_DEALING, MessageKind.DELEGATION_REQUEST,
            MessageKind.DELEGATION);
  }

  @Test
  void routesWithoutTheSubnetsMembersAreRefused() {
    assertThatThrownBy(() -> MessageRoutes.builder()
        .consensus(recording(), (from, e) -> ChangeSet.EMPTY).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("members");
  }

  @Test
  void routesWithAKindLeftWithoutAHandlerAreRefusedNamingTheKind() {
    assertThatThrownBy(() -> allButXNet().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("xnet-slice");
  }

  @Test
  void aKindHasOneOwner() {
    assertThatThrownBy(() -> allButXNet().route(MessageKind.INGRESS, PeerMessage.Ingress.class,
        recording())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ingress");
  }

  @Test
  void aConsensusKindCannotBeRoutedOneByOne() {
    assertThatThrownBy(() -> MessageRoutes.builder().route(MessageKind.BEACON_SHARE,
        PeerMessage.Consensus.class, recording()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beacon-share");
  }
}
