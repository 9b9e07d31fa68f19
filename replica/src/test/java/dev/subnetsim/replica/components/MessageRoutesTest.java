package dev.subnetsim.replica.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.NodeId;
import org.junit.jupiter.api.Test;

class MessageRoutesTest {
  private final PeerMessageHandler consensus = (from, payload, view) ->
      ChangeSet.rejecting(from, "consensus");
  private final PeerMessageHandler xnet = (from, payload, view) -> ChangeSet.rejecting(from, "xnet");
  private final MessageRoutes routes = new MessageRoutes(consensus).route("xnet-slice", xnet);

  @Test
  void aKindGoesToTheComponentThatOwnsItAndUnownedKindsToConsensus() {
    assertThat(routes.handlerOf("xnet-slice")).isSameAs(xnet);
    assertThat(routes.handlerOf("notarization-share")).isSameAs(consensus);
    assertThat(routes.routes()).containsOnlyKeys("xnet-slice");
    assertThat(routes.handlerOf("xnet-slice").handle(new NodeId(4), new byte[0], null)
        .rejections()).containsExactly(new Rejection(new NodeId(4), "xnet"));
  }

  @Test
  void aKindHasOneOwner() {
    assertThatThrownBy(() -> routes.route("xnet-slice", consensus))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xnet-slice");
  }
}
