package dev.subnetsim.replica.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.consensus.types.MessageKind;
import dev.subnetsim.replica.payload.PayloadItem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The typed messages: which carry a payload item, and what their bodies are. */
class PeerMessageTest {
  private final List<PeerMessage> all = PeerMessageSamples.byKind().values().stream()
      .flatMap(List::stream).toList();

  @Test
  void theKindsCarryingAPayloadItemHaveTheItemsEncodingAsTheirBody() {
    List<PeerMessage.OfItem> ofItem = all.stream().filter(PeerMessage.OfItem.class::isInstance)
        .map(PeerMessage.OfItem.class::cast).toList();
    assertThat(ofItem).extracting(PeerMessage::kind).containsOnly(MessageKind.INGRESS,
        MessageKind.XNET_SLICE, MessageKind.RESHARE_DEALING, MessageKind.PRESIGNATURE_DEALING);
    assertThat(ofItem.stream().map(PeerMessage::kind).distinct().count()).isEqualTo(4);
    ofItem.forEach(m -> assertThat(m.encode()).as(m.kind().wireName())
        .isEqualTo(m.item().encode()));
  }

  @Test
  void noOtherKindClaimsToCarryAPayloadItem() {
    Set<MessageKind> items = Set.of(MessageKind.INGRESS, MessageKind.XNET_SLICE,
        MessageKind.RESHARE_DEALING, MessageKind.PRESIGNATURE_DEALING);
    all.stream().filter(m -> !items.contains(m.kind()))
        .forEach(m -> assertThat(m).as(m.kind().wireName())
            .isNotInstanceOf(PeerMessage.OfItem.class));
  }

  @Test
  void anIngressMessageIsLoadOrASignedCallAndItsBodyIsACopy() {
    PayloadItem.Workload load = PayloadItem.Workload.counter(1, 2);
    byte[] body = load.encode();
    PeerMessage.Ingress m = new PeerMessage.Ingress(load, body);
    body[0] ^= 1;
    assertThat(m.encode()).isEqualTo(load.encode()).isNotSameAs(m.body());
    assertThatThrownBy(() -> new PeerMessage.Ingress(new PayloadItem.ReshareDealing(1, "k", 2,
        new byte[] {3}))).isInstanceOf(IllegalArgumentException.class);
  }
}
