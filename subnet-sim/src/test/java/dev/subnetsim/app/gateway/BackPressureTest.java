package dev.subnetsim.app.gateway;

import dev.subnetsim.app.session.LiveSession;
import dev.subnetsim.app.session.LiveClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subnetsim.chainkey.ic.Principal;
import org.junit.jupiter.api.Test;

/** Calls beyond what waits for the simulation are refused with 429, not queued without bound. */
class BackPressureTest {

  @Test
  void aCallBeyondTheWaitingBoundIsRefusedWith429() {
    LiveSession live = LiveWorldFixture.session();
    // A second session around the same world whose driver never runs: nothing is taken in.
    LiveSession stalled = LiveSession.unstarted(live.run(), LiveClock.live(
        live.replicaUnixNanos()), 2);
    IcGateway gateway = new IcGateway(stalled);
    String counter = LiveWorldFixture.counter("app");
    Envelopes alice = new Envelopes(4);
    long now = live.replicaUnixNanos();
    byte[] canister = Principal.fromText(counter).toBytes();
    for (int i = 0; i < 2; i++) {
      assertThat(gateway.call(counter, alice.signed(alice.call(canister, "increment",
          new byte[0], now + i)), false).status()).isEqualTo(202);
    }
    IcResponse third = gateway.call(counter, alice.signed(alice.call(canister, "increment",
        new byte[0], now + 2)), false);
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.text()).contains("too many calls waiting");
  }
}
