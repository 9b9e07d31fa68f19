package dev.subnetsim.replica.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.consensus.types.NodeId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class MessageRoutesTest {
  private final PeerMessageHandler consensus = (from, payload, view) ->
      ChangeSet.rejecting(from, "consensus");
  private final PeerMessageHandler xnet = (from, payload, view) -> ChangeSet.rejecting(from, "xnet");
  private final PeerMessageHandler others = (from, payload, view) -> ChangeSet.EMPTY;

  private MessageRoutes.Builder allButXNet() {
    EnumSet<MessageKind> rest = EnumSet.complementOf(EnumSet.of(MessageKind.XNET_SLICE));
    rest.removeAll(MessageKind.consensusKinds());
    return MessageRoutes.builder().routeAll(MessageKind.consensusKinds(), consensus)
        .routeAll(rest, others);
  }

  @Test
  void eachKindGoesToTheComponentThatOwnsIt() {
    MessageRoutes routes = allButXNet().route(MessageKind.XNET_SLICE, xnet).build();
    assertThat(routes.handlerOf(MessageKind.XNET_SLICE)).isSameAs(xnet);
    assertThat(routes.handlerOf(MessageKind.NOTARIZATION_SHARE)).isSameAs(consensus);
    assertThat(routes.routes()).containsOnlyKeys(MessageKind.values());
    assertThat(routes.handlerOf(MessageKind.XNET_SLICE).handle(new NodeId(4), new byte[0], null)
        .rejections()).singleElement().extracting(Rejection::reason).isEqualTo("xnet");
  }

  @Test
  void routesWithAKindLeftWithoutAHandlerAreRefusedNamingTheKind() {
    assertThatThrownBy(() -> allButXNet().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("xnet-slice");
  }

  @Test
  void aKindHasOneOwner() {
    assertThatThrownBy(() -> allButXNet().route(MessageKind.XNET_SLICE, xnet)
        .route(MessageKind.XNET_SLICE, consensus))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xnet-slice");
  }
}
