package dev.subnetsim.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subnetsim.chainkey.bytes.Bytes;
import org.junit.jupiter.api.Test;

class InboundEventTest {

  @Test
  void ingressEventsOfEqualBytesAreEqualWhicheverArrayTheyCameFrom() {
    byte[] message = {1, 2, 3};
    InboundEvent a = new InboundEvent.IngressSubmitted(Bytes.of(message));
    message[0] = 9; // the event holds its own copy
    InboundEvent b = new InboundEvent.IngressSubmitted(Bytes.of(new byte[] {1, 2, 3}));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new InboundEvent.IngressSubmitted(Bytes.of(new byte[] {1, 2})));
  }

  @Test
  void anIngressEventPrintsItsLengthNotItsBytes() {
    assertThat(new InboundEvent.IngressSubmitted(Bytes.of(new byte[1500])))
        .hasToString("IngressSubmitted[1500B]");
  }

  @Test
  void anIngressEventWithoutAMessageIsRefused() {
    assertThatThrownBy(() -> new InboundEvent.IngressSubmitted(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("message");
  }
}
