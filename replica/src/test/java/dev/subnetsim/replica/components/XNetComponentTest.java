package dev.subnetsim.replica.components;

import dev.subnetsim.consensus.types.Rejection;
import dev.subnetsim.replica.wire.PeerMessage;
import dev.subnetsim.consensus.types.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.consensus.ConsensusNode;
import dev.subnetsim.consensus.artifacts.ConsensusMessage.Certification;
import dev.subnetsim.consensus.types.NodeId;
import dev.subnetsim.replica.execution.CanisterId;
import dev.subnetsim.replica.payload.PayloadItem;
import dev.subnetsim.replica.state.ReplicatedState;
import dev.subnetsim.replica.xnet.RoutingTable;
import dev.subnetsim.replica.xnet.StreamMessage;
import dev.subnetsim.replica.xnet.XNetSlice;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two subnets' xnet components back to back: the app's sends a certified slice of its stream once
 * the height is certified, the signing subnet's keeps and proposes it; bad slices are attributed
 * to the node that sent them. Certification is stood in for by a marker signature.
 */
class XNetComponentTest {
  private static final byte[] CERTIFIED = {42};
  private static final RoutingTable ROUTING = new RoutingTable(List.of("app", "signing"),
      Optional.empty());
  private static final List<NodeId> SIGNING_NODES = List.of(new NodeId(10), new NodeId(11));
  private static final NodeId APP_NODE = new NodeId(1);

  private final XNetComponent app = component("app");
  private final XNetComponent signing = component("signing");
  private final ReplicatedState appState = new ReplicatedState();

  private static XNetComponent component(String subnet) {
    return new XNetComponent(subnet, ROUTING, s -> Arrays.equals(s.signature(), CERTIFIED),
        () -> Map.of("app", List.of(APP_NODE), "signing", SIGNING_NODES));
  }

  private ChangeSet certifyAppState() {
    byte[] root = app.recordTree(appState.height(), appState.certifiedTree(List.of()));
    return app.onCertified(new Certification(appState.height(), root, CERTIFIED), appState);
  }

  @Test
  void aCertifiedStreamGoesToEveryDestinationNodeWhichProposesItOnce() {
    appState.appendToStream("signing", new StreamMessage.Request(7, new CanisterId(1).toBytes(),
        new CanisterId(ROUTING.base("signing")), "increment", new byte[0]).encode());

    ChangeSet sent = certifyAppState();

    assertThat(sent.messages()).hasSize(2).allSatisfy(m -> assertThat(m.kind())
        .isEqualTo(MessageKind.XNET_SLICE));
    assertThat(sent.messages()).extracting(m -> ((ChangeSet.Unicast) m).to())
        .containsExactlyElementsOf(SIGNING_NODES);
    byte[] slice = sent.messages().get(0).bytes();
    ReplicaView view = new ReplicaView(0, new ReplicatedState());
    ChangeSet received = signing.onSlice(APP_NODE, slice(slice), view);
    assertThat(received.rejections()).isEmpty();
    assertThat(received.toConsensus()).singleElement()
        .isInstanceOfSatisfying(ConsensusNode.IngressReceived.class,
            p -> assertThat(p.message()).isEqualTo(slice));
    assertThat(signing.onSlice(APP_NODE, slice(slice), view).isEmpty()).isTrue();
  }

  @Test
  void nothingIsSentForAHeightCertifiedWithAnotherRootOrWithoutNews() {
    app.recordTree(0, appState.certifiedTree(List.of()));
    assertThat(app.onCertified(new Certification(0, new byte[32], CERTIFIED), appState).isEmpty())
        .isTrue();
    assertThat(certifyAppState().isEmpty()).isTrue();
  }

  @Test
  void badSlicesAreRejectedAndAttributedToTheirSender() {
    ReplicaView view = new ReplicaView(0, new ReplicatedState());
    byte[] uncertified = new PayloadItem.XNet(new XNetSlice("app", 3, new byte[] {1},
        new byte[0])).encode();
    byte[] fromItself = new PayloadItem.XNet(new XNetSlice("signing", 3, CERTIFIED,
        new byte[0])).encode();

    assertThat(PeerBodies.refusal(MessageKind.XNET_SLICE, new byte[] {1, 2, 3},
        XNetComponent::malformed)).startsWith("malformed stream slice: ");
    assertThat(PeerBodies.refusal(MessageKind.XNET_SLICE, new PayloadItem.ReshareDealing(0,
        "vetkd", 1, new byte[] {1}).encode(), XNetComponent::malformed))
        .isEqualTo("xnet message is not a stream slice");
    assertThat(signing.onSlice(APP_NODE, slice(uncertified), view).rejections())
        .containsExactly(new Rejection(APP_NODE,
            "stream slice of app at height 3 fails its certification"));
    assertThat(signing.onSlice(APP_NODE, slice(fromItself), view).rejections())
        .containsExactly(new Rejection(APP_NODE, "stream slice from unknown subnet signing"));
  }

  @Test
  void aSliceRelabelledToAFarHeightNeitherDisplacesNorBlocksNewerSlices() {
    ReplicaView view = new ReplicaView(0, new ReplicatedState());
    appState.appendToStream("signing", new StreamMessage.Request(7, new CanisterId(1).toBytes(),
        new CanisterId(ROUTING.base("signing")), "increment", new byte[0]).encode());
    XNetSlice first = decode(certifyAppState().messages().get(0).bytes());
    // A Byzantine app node replays the certified first slice claiming a height far ahead.
    byte[] relabelled = new PayloadItem.XNet(new XNetSlice(first.source(), 1L << 40,
        first.signature(), first.witness())).encode();
    assertThat(signing.onSlice(APP_NODE, slice(relabelled), view).rejections()).isEmpty();

    appState.advance(1, 1);
    appState.appendToStream("signing", new StreamMessage.Request(8, new CanisterId(1).toBytes(),
        new CanisterId(ROUTING.base("signing")), "increment", new byte[0]).encode());
    byte[] second = certifyAppState().messages().get(0).bytes();
    ChangeSet received = signing.onSlice(APP_NODE, slice(second), view);

    assertThat(received.toConsensus()).anySatisfy(in -> assertThat(in)
        .isInstanceOfSatisfying(ConsensusNode.IngressReceived.class,
            p -> assertThat(p.message()).isEqualTo(second)));
    // The stale relabelled copy, sent again, tells nothing new.
    assertThat(signing.onSlice(APP_NODE, slice(relabelled), view).isEmpty()).isTrue();
  }

  private static XNetSlice decode(byte[] item) {
    return ((PayloadItem.XNet) PayloadItem.decode(item)).slice();
  }

  private static PeerMessage.XNetSlice slice(byte[] body) {
    return PeerBodies.decoded(MessageKind.XNET_SLICE, body, PeerMessage.XNetSlice.class);
  }
}
